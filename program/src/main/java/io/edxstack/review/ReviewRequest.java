package io.edxstack.review;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the review reads and where it writes.
 *
 * @param previews      {@code pulumi preview --json} output per stack
 * @param desiredDiffs  {@code edxstack diff --format json} outputs
 * @param renders       {@code edxstack render --format json} outputs of the change (its desired state)
 * @param commitMessage the change's commit message (for {@code Allow-Replace:} footers), or null
 * @param repository    the repository root (stack files, catalogue, policy set), or null
 * @param policySet     the policy-set file, or null for the repository's {@code policies/policy-set.yaml}
 *                      (the built-in defaults when there is none)
 * @param changedFiles  a file listing the change's files, one a line, or null
 * @param out           the directory the outputs are written to
 * @param knownDiffs    desired diffs of the same change already reported before merge: a preview of their stack
 *                      reports only what goes beyond them
 */
public record ReviewRequest(Map<String, Path> previews, List<Path> desiredDiffs, List<Path> renders,
                            Path commitMessage, Path repository, Path policySet, Path changedFiles, Path out,
                            List<Path> knownDiffs) {
    public ReviewRequest {
        previews = Map.copyOf(previews);
        desiredDiffs = List.copyOf(desiredDiffs);
        renders = List.copyOf(renders);
        knownDiffs = List.copyOf(knownDiffs);
        Objects.requireNonNull(out, "out");
    }

    public ReviewRequest(Map<String, Path> previews, List<Path> desiredDiffs, List<Path> renders,
                         Path commitMessage, Path repository, Path policySet, Path changedFiles, Path out) {
        this(previews, desiredDiffs, renders, commitMessage, repository, policySet, changedFiles, out, List.of());
    }
}
