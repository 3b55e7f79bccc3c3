package io.edxstack.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.edxstack.policies.Level;
import io.edxstack.policies.PolicySet;
import io.edxstack.policies.PolicySetLoader;
import io.edxstack.policies.StackRole;
import io.edxstack.policies.Violation;
import io.edxstack.review.change.Diagnostic;
import io.edxstack.review.change.KnownChanges;
import io.edxstack.review.change.ResourceChange;
import io.edxstack.review.change.StackChanges;
import io.edxstack.review.guard.AllowReplaceFooters;
import io.edxstack.review.guard.DataLossGuard;
import io.edxstack.review.input.DesiredDiffReader;
import io.edxstack.review.input.PreviewReader;
import io.edxstack.review.input.RenderReader;
import io.edxstack.review.input.RenderedStack;
import io.edxstack.review.report.FileComments;
import io.edxstack.review.report.HtmlReport;
import io.edxstack.review.report.MarkdownReport;
import io.edxstack.review.report.SecretMasking;
import io.edxstack.review.report.ZuulReturn;
import io.edxstack.state.ResourceState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes the review of one change: reads previews, desired diffs and renders, checks the policies on
 * each stack's desired state and the data-loss guard on each stack's changes, and writes
 * {@code review.md}, {@code review.html} and {@code zuul_return.json}.
 */
public final class ReviewMaker {

    public static final String PREVIEW_FAILED_RULE = "preview-failed";
    private static final ObjectMapper JSON = io.edxstack.reading.Mappers.json().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReviewMaker() {
    }

    public static Review run(ReviewRequest request) {
        KnownStacks known = request.repository() == null ? KnownStacks.defaults() : KnownStacks.from(request.repository());
        Map<String, RenderedStack> renders = new TreeMap<>();
        for (Path file : request.renders()) {
            RenderedStack render = RenderReader.read(file);
            known.require(render.stack(), "--render " + file);
            renders.put(render.stack(), render);
        }
        List<StackChanges> stacks = new ArrayList<>();
        Map<String, StackResources> desired = new TreeMap<>();
        new TreeMap<>(request.previews()).forEach((stack, file) -> {
            known.require(stack, "--preview " + stack + "=" + file);
            PreviewReader.Preview preview = PreviewReader.read(file, stack);
            stacks.add(preview.changes());
            desired.put(stack, new StackResources(stack, role(stack, known, renders), preview.desired()));
        });
        renders.forEach((stack, render) -> desired.putIfAbsent(stack,
                new StackResources(stack, render.role(), render.resources())));
        for (Path file : request.desiredDiffs()) {
            StackChanges diff = DesiredDiffReader.read(file);
            known.require(diff.stack(), "--desired-diff " + file);
            stacks.add(withRenderedStates(diff, renders.get(diff.stack())));
        }
        stacks.sort(Comparator.comparing(StackChanges::stack).thenComparing(StackChanges::source));

        List<StackViolation> violations = new ArrayList<>(PolicyRun.evaluate(policySet(request),
                List.copyOf(desired.values())));
        DataLossGuard guard = new DataLossGuard(footers(request.commitMessage()));
        for (StackChanges stack : stacks) {
            guard.check(stack).forEach(violation -> violations.add(new StackViolation(stack.stack(), violation)));
            violations.addAll(previewErrors(stack));
        }
        // The guard and the policies judge the whole preview; the report leaves out what was reviewed before merge.
        Map<String, StackChanges> reviewed = knownDiffs(request, known);
        List<StackChanges> reported = stacks.stream().map(stack -> stack.source() == StackChanges.Source.PREVIEW
                && reviewed.containsKey(stack.stack()) ? KnownChanges.beyond(stack, reviewed.get(stack.stack())) : stack).toList();
        Review review = new Review(reported.stream().map(ReviewMaker::masked).toList(),
                unreported(distinct(violations), reported, reviewed.keySet()));
        write(request, review);
        return review;
    }

    /** The desired diffs reviewed before merge, by stack; one per stack. */
    private static Map<String, StackChanges> knownDiffs(ReviewRequest request, KnownStacks known) {
        Map<String, StackChanges> diffs = new TreeMap<>();
        for (Path file : request.knownDiffs()) {
            StackChanges diff = DesiredDiffReader.read(file);
            known.require(diff.stack(), "--known-diff " + file);
            if (diffs.put(diff.stack(), diff) != null) {
                throw new ReviewInputException(file, "is a second desired diff of " + diff.stack()
                        + ", perhaps a --known-diff names the wrong stack's file");
            }
            if (!request.previews().containsKey(diff.stack())) {
                throw new ReviewInputException(file, "is the desired diff of " + diff.stack() + ", which has no --preview: "
                        + "it narrows nothing, perhaps --preview " + diff.stack() + "=FILE");
            }
        }
        return diffs;
    }

    /**
     * Violations to report when part of the preview was reviewed before merge: every mandatory one (it stops the
     * deploy, so it must say why), and an advisory one only on a resource whose change goes beyond the desired diff.
     * The desired-diff job ran the same policies on the change's whole render, so it reported the others already.
     */
    private static List<StackViolation> unreported(List<StackViolation> violations, List<StackChanges> reported,
                                                   Set<String> reviewedStacks) {
        if (reviewedStacks.isEmpty()) {
            return violations;
        }
        Set<String> beyond = new HashSet<>();
        reported.stream().filter(stack -> stack.source() == StackChanges.Source.PREVIEW_BEYOND_DESIRED_DIFF)
                .forEach(stack -> stack.changes().forEach(change -> beyond.add(stack.stack() + " " + change.urn())));
        return violations.stream().filter(found -> found.violation().isMandatory()
                || !reviewedStacks.contains(found.stack())
                || beyond.contains(found.stack() + " " + found.violation().urn())).toList();
    }

    private static StackRole role(String stack, KnownStacks known,
                                                       Map<String, RenderedStack> renders) {
        RenderedStack render = renders.get(stack);
        return render != null ? render.role() : known.require(stack, "the stack files");
    }

    /** Desired-diff entries carry no state; the change's render supplies labels and parents for the report. */
    private static StackChanges withRenderedStates(StackChanges diff, RenderedStack render) {
        if (render == null) {
            return diff;
        }
        Map<String, ResourceState> byUrn = render.resources().stream()
                .collect(Collectors.toMap(ResourceState::urn, Function.identity(), (first, second) -> first));
        List<ResourceChange> changes = diff.changes().stream()
                .map(change -> byUrn.containsKey(change.urn()) ? change.withNewState(byUrn.get(change.urn())) : change)
                .toList();
        return new StackChanges(diff.stack(), diff.source(), changes, diff.unchanged(), diff.diagnostics());
    }

    private static PolicySet policySet(ReviewRequest request) {
        if (request.policySet() != null) {
            return PolicySetLoader.load(request.policySet());
        }
        if (request.repository() != null) {
            Path committed = request.repository().resolve("policies/policy-set.yaml");
            if (Files.isRegularFile(committed)) {
                return PolicySetLoader.load(committed);
            }
        }
        return PolicySet.defaults();
    }

    private static AllowReplaceFooters footers(Path commitMessage) {
        if (commitMessage == null) {
            return AllowReplaceFooters.none();
        }
        try {
            return AllowReplaceFooters.parse(Files.readString(commitMessage));
        } catch (IOException unreadable) {
            throw new ReviewInputException(commitMessage, "cannot be read (" + unreadable.getMessage()
                    + "), perhaps the job did not write the commit message");
        }
    }

    /** A preview that failed says nothing about what would change: it blocks like a mandatory violation. */
    private static List<StackViolation> previewErrors(StackChanges stack) {
        List<StackViolation> errors = new ArrayList<>();
        for (Diagnostic diagnostic : stack.diagnostics()) {
            if (diagnostic.isError()) {
                String urn = diagnostic.urn() == null ? "" : diagnostic.urn();
                String name = urn.contains("::") ? urn.substring(urn.lastIndexOf("::") + 2) : stack.stack();
                errors.add(new StackViolation(stack.stack(), new Violation(PREVIEW_FAILED_RULE, Level.MANDATORY, urn,
                        name, "pulumi preview failed: " + diagnostic.message()
                        + "; fix the error (or the credentials and reachability of the region) and recheck")));
            }
        }
        return errors;
    }

    /** The preview and the desired diff often find the same problem; report it once (the first, from the preview). */
    private static List<StackViolation> distinct(List<StackViolation> violations) {
        Set<String> seen = new HashSet<>();
        List<StackViolation> distinct = new ArrayList<>();
        for (StackViolation found : violations) {
            Violation violation = found.violation();
            if (seen.add(found.stack() + " " + violation.ruleId() + " " + violation.urn() + " " + violation.level())) {
                distinct.add(found);
            }
        }
        return distinct;
    }

    private static StackChanges masked(StackChanges stack) {
        return new StackChanges(stack.stack(), stack.source(), stack.changes().stream().map(SecretMasking::mask).toList(),
                stack.unchanged(), stack.diagnostics());
    }

    private static void write(ReviewRequest request, Review review) {
        Path out = request.out();
        Map<String, List<FileComments.Comment>> comments = request.repository() == null ? Map.of()
                : FileComments.build(review, request.repository(), changedFiles(request.changedFiles()));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("review.md", MarkdownReport.render(review, MarkdownReport.GERRIT_COMMENT_LIMIT));
        files.put(Review.HTML_REPORT, HtmlReport.render(review));
        try {
            files.put("zuul_return.json", JSON.writeValueAsString(ZuulReturn.build(review, comments, JSON)) + "\n");
            Files.createDirectories(out);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(out.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException unwritable) {
            throw new ReviewInputException(out, "cannot write the review (" + unwritable.getMessage()
                    + "), perhaps --out is not writable");
        }
    }

    private static Set<String> changedFiles(Path list) {
        if (list == null) {
            return null;
        }
        try {
            return Files.readAllLines(list).stream().map(String::strip).filter(line -> !line.isEmpty())
                    .collect(Collectors.toSet());
        } catch (IOException unreadable) {
            throw new ReviewInputException(list, "cannot be read (" + unreadable.getMessage() + ")");
        }
    }
}
