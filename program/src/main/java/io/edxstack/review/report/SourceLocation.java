package io.edxstack.review.report;

/**
 * A line of a file in the repository that a review comment points at.
 *
 * @param file the path relative to the repository root, with forward slashes
 * @param line the 1-based line
 */
public record SourceLocation(String file, int line) {
}
