package io.edxstack.review.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edxstack.review.Review;
import io.edxstack.review.StackViolation;
import io.edxstack.review.change.ChangeOp;
import io.edxstack.review.change.StackChanges;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code zuul_return.json}: the {@code data} a job hands to {@code zuul_return}. Zuul shows
 * {@code zuul.warnings} in its report on the change, {@code zuul.file_comments} as inline comments and
 * {@code zuul.artifacts} as links next to the build.
 */
public final class ZuulReturn {

    /** Warnings are part of Zuul's Gerrit message, which has its own size limit: keep them few. */
    static final int VIOLATION_WARNINGS = 25;
    private static final int WARNING_LENGTH = 500;
    /** Gerrit's default limit on one message (change.commentSizeLimit, 16 KiB of UTF-8). */
    static final int GERRIT_MESSAGE_LIMIT = 16 * 1024;
    /**
     * Zuul's own part of the message: the pipeline's header, one line per job with its log URL and the
     * "Warning:" heading (zuul/reporter/__init__.py).
     */
    static final int ZUUL_REPORT_OVERHEAD = 2 * 1024;
    /**
     * Jobs whose warnings share one Zuul message: at most two on any change (gate: the desired diff;
     * deploy: prod-primary and one of the two prod-dr jobs, the other does nothing).
     */
    static final int JOBS_PER_MESSAGE = 2;
    /** UTF-8 bytes of one job's warnings, counting the "\n  " Zuul joins them with. */
    static final int WARNINGS_BUDGET = (GERRIT_MESSAGE_LIMIT - ZUUL_REPORT_OVERHEAD) / JOBS_PER_MESSAGE;

    private ZuulReturn() {
    }

    public static ObjectNode build(Review review, Map<String, List<FileComments.Comment>> fileComments,
                                   ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        ObjectNode zuul = root.putObject("zuul");
        ArrayNode warnings = zuul.putArray("warnings");
        warnings(review).forEach(warnings::add);
        zuul.set("file_comments", json.valueToTree(fileComments));
        ObjectNode artifact = zuul.putArray("artifacts").addObject();
        artifact.put("name", Review.ARTIFACT_NAME);
        artifact.put("url", Review.HTML_REPORT);
        artifact.putObject("metadata").put("type", "html_report");
        return root;
    }

    /**
     * The warnings: each stack's summary, then violations (at most {@value #VIOLATION_WARNINGS}), as
     * many as fit {@link #WARNINGS_BUDGET}, then a line saying how many were left out.
     */
    static List<String> warnings(Review review) {
        List<String> warnings = new ArrayList<>();
        int bytes = 0;
        List<StackViolation> violations = review.violations();
        // Room for the closing "N more" line is always kept.
        int budget = WARNINGS_BUDGET - bytes(moreLine(violations.size()));
        for (StackChanges stack : review.stacks()) {
            String summary = summary(stack);
            warnings.add(summary);
            bytes += bytes(summary);
        }
        int shown = 0;
        for (StackViolation found : violations) {
            String warning = ValueText.shorten("edxstack " + found.violation().level().label() + " violation ["
                    + found.violation().ruleId() + "] on " + found.stack() + ", resource " + found.violation().name()
                    + ": " + found.violation().message(), WARNING_LENGTH);
            if (shown == VIOLATION_WARNINGS || bytes + bytes(warning) > budget) {
                break;
            }
            warnings.add(warning);
            bytes += bytes(warning);
            shown++;
        }
        if (shown < violations.size()) {
            warnings.add(moreLine(violations.size() - shown));
        }
        return warnings;
    }

    private static String moreLine(int count) {
        return "edxstack: " + count + " more violations, see " + Review.HTML_REPORT;
    }

    /** A warning's size in Zuul's message: its UTF-8 bytes and the separator Zuul puts before it. */
    static int bytes(String warning) {
        return warning.getBytes(StandardCharsets.UTF_8).length + 3;
    }

    private static String summary(StackChanges stack) {
        Map<ChangeOp, Integer> counts = stack.counts();
        return "edxstack " + stack.title() + ": " + counts.get(ChangeOp.CREATE) + " to create, "
                + counts.get(ChangeOp.UPDATE) + " to update, " + counts.get(ChangeOp.REPLACE) + " to replace, "
                + counts.get(ChangeOp.DELETE) + " to delete, " + counts.get(ChangeOp.SAME) + " unchanged";
    }
}
