package io.edxstack.cli;

import io.edxstack.review.Review;
import io.edxstack.review.ReviewMaker;
import io.edxstack.review.ReviewRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code edxstack review}: the Gerrit review of a change, for Zuul's {@code zuul_return}. */
@Command(name = "review",
        mixinStandardHelpOptions = true,
        description = {
                "Writes review.md, review.html and zuul_return.json from pulumi preview --json and/or the",
                "desired-state diff, checking the policy set and the data-loss guard.",
                "Exit status: 0 no mandatory violation, 3 mandatory violations, 1 bad input, 2 bad command line."})
final class ReviewCommand implements Callable<Integer> {

    static final int MANDATORY_VIOLATIONS = 3;

    @Option(names = "--preview", paramLabel = "STACK=FILE", description = "pulumi preview --json output of STACK")
    Map<String, Path> previews = new LinkedHashMap<>();

    @Option(names = "--desired-diff", paramLabel = "FILE", description = "edxstack diff --format json output")
    List<Path> desiredDiffs = new ArrayList<>();

    @Option(names = "--known-diff", paramLabel = "FILE", description = "the desired diff (edxstack diff --format json) of "
            + "the same change, reported before merge: the preview of its stack reports only what goes beyond it")
    List<Path> knownDiffs = new ArrayList<>();

    @Option(names = "--render", paramLabel = "FILE", description = "edxstack render --format json output of the change")
    List<Path> renders = new ArrayList<>();

    @Option(names = "--commit-message", paramLabel = "FILE", description = "the change's commit message (Allow-Replace: footers)")
    Path commitMessage;

    @Option(names = "--catalogue-root", paramLabel = "DIR", description = "repository root: stack files, stacks/, policies/")
    Path catalogueRoot;

    @Option(names = "--policy-set", paramLabel = "FILE", description = "default: <catalogue-root>/policies/policy-set.yaml")
    Path policySet;

    @Option(names = "--changed-files", paramLabel = "FILE", description = "files the change touches, one a line: comments go only there")
    Path changedFiles;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "where the review files are written")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (previews.isEmpty() && desiredDiffs.isEmpty() && renders.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "nothing to review, perhaps --preview prod-primary=preview.json or --desired-diff diff.json");
        }
        if (!knownDiffs.isEmpty() && previews.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--known-diff only narrows a preview, perhaps add --preview STACK=FILE");
        }
        Review review = ReviewMaker.run(new ReviewRequest(previews, desiredDiffs, renders, commitMessage,
                catalogueRoot, policySet, changedFiles, out, knownDiffs));
        var stdout = spec.commandLine().getOut();
        review.violations().forEach(found -> stdout.println(found.violation().level().label() + "  "
                + found.violation().ruleId() + "  " + found.stack() + "  " + found.violation().name()));
        stdout.println("review written to " + out + " (review.md, review.html, zuul_return.json): "
                + review.mandatoryCount() + " mandatory, "
                + (review.violations().size() - review.mandatoryCount()) + " advisory");
        return review.mandatoryCount() > 0 ? MANDATORY_VIOLATIONS : 0;
    }
}
