package io.edxstack.review.change;

/**
 * A message the Pulumi engine printed during the preview.
 *
 * @param urn      the resource it is about, or null
 * @param severity {@code error}, {@code warning}, {@code info}, ...
 * @param message  the text, ANSI colour codes removed
 */
public record Diagnostic(String urn, String severity, String message) {

    public boolean isError() {
        return "error".equals(severity);
    }
}
