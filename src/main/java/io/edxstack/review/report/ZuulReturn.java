package io.edxstack.review.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edxstack.review.Review;
import io.edxstack.review.StackViolation;
import io.edxstack.review.change.ChangeOp;
import io.edxstack.review.change.StackChanges;
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

    private ZuulReturn() {
    }

    public static ObjectNode build(Review review, Map<String, List<FileComments.Comment>> fileComments,
                                   ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        ObjectNode zuul = root.putObject("zuul");
        ArrayNode warnings = zuul.putArray("warnings");
        for (StackChanges stack : review.stacks()) {
            warnings.add(summary(stack));
        }
        List<StackViolation> violations = review.violations();
        violations.stream().limit(VIOLATION_WARNINGS).forEach(found -> warnings.add(ValueText.shorten(
                "edxstack " + found.violation().level().label() + " violation [" + found.violation().ruleId() + "] on "
                        + found.stack() + ", resource " + found.violation().name() + ": " + found.violation().message(),
                WARNING_LENGTH)));
        if (violations.size() > VIOLATION_WARNINGS) {
            warnings.add("edxstack: " + (violations.size() - VIOLATION_WARNINGS) + " more violations, see "
                    + Review.HTML_REPORT);
        }
        zuul.set("file_comments", json.valueToTree(fileComments));
        ObjectNode artifact = zuul.putArray("artifacts").addObject();
        artifact.put("name", Review.ARTIFACT_NAME);
        artifact.put("url", Review.HTML_REPORT);
        artifact.putObject("metadata").put("type", "html_report");
        return root;
    }

    private static String summary(StackChanges stack) {
        Map<ChangeOp, Integer> counts = stack.counts();
        return "edxstack " + stack.title() + ": " + counts.get(ChangeOp.CREATE) + " to create, "
                + counts.get(ChangeOp.UPDATE) + " to update, " + counts.get(ChangeOp.REPLACE) + " to replace, "
                + counts.get(ChangeOp.DELETE) + " to delete, " + counts.get(ChangeOp.SAME) + " unchanged";
    }
}
