package io.edxstack.review.report;

import io.edxstack.review.Review;
import io.edxstack.review.StackViolation;
import io.edxstack.review.change.ChangeOp;
import io.edxstack.review.change.Diagnostic;
import io.edxstack.review.change.PropertyChange;
import io.edxstack.review.change.ResourceChange;
import io.edxstack.review.change.StackChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code review.md}: the review as a Gerrit comment, kept under Gerrit's comment limit (16 KiB of
 * UTF-8 by default). Destroying changes come first; when the review does not fit, it ends with a note
 * pointing to {@code review.html}.
 */
public final class MarkdownReport {

    public static final int GERRIT_COMMENT_LIMIT = 16 * 1024;
    private static final int VALUE_LIMIT = 60;

    private MarkdownReport() {
    }

    public static String render(Review review, int byteLimit) {
        MarkdownBudget out = new MarkdownBudget(byteLimit, "_Cut here to stay under Gerrit's comment limit: %d more"
                + " sections are in the full report, " + Review.HTML_REPORT + " (build artifact '"
                + Review.ARTIFACT_NAME + "')._");
        out.block("# edxstack review\n\n" + verdict(review));
        out.table("", "| Stack | Source | Create | Update | Replace | Delete | Unchanged |\n|---|---|--:|--:|--:|--:|--:|\n",
                review.stacks().stream().map(MarkdownReport::summaryRow).toList(), "_%d more stacks in the full report._");
        if (!review.violations().isEmpty()) {
            out.table("## Policy violations\n\n", "| Level | Rule | Stack | Resource | Problem and fix |\n|---|---|---|---|---|\n",
                    review.violations().stream().map(MarkdownReport::violationRow).toList(),
                    "_%d more violations in the full report, " + Review.HTML_REPORT + "._");
        }
        for (StackChanges stack : review.stacks()) {
            section(out, stack);
        }
        return out.build();
    }

    private static String verdict(Review review) {
        long mandatory = review.mandatoryCount();
        if (mandatory > 0) {
            return "**Blocked: " + mandatory + " mandatory violation" + (mandatory == 1 ? "" : "s")
                    + ".** This change cannot deploy until they are fixed (or, for data loss, allowed with an"
                    + " `Allow-Replace:` footer).";
        }
        return "No mandatory violations" + (review.violations().isEmpty() ? "." : "; advisory notes below.");
    }

    private static String summaryRow(StackChanges stack) {
        Map<ChangeOp, Integer> counts = stack.counts();
        return "| " + cell(stack.stack()) + " | " + stack.source().label() + " | " + counts.get(ChangeOp.CREATE) + " | "
                + counts.get(ChangeOp.UPDATE) + " | " + bold(counts.get(ChangeOp.REPLACE)) + " | "
                + bold(counts.get(ChangeOp.DELETE)) + " | " + counts.get(ChangeOp.SAME) + " |";
    }

    private static String violationRow(StackViolation found) {
        return "| " + (found.violation().isMandatory() ? "**mandatory**" : "advisory") + " | " + code(found.violation().ruleId())
                + " | " + cell(found.stack()) + " | " + code(found.violation().name()) + " | "
                + cell(found.violation().message()) + " |";
    }

    private static void section(MarkdownBudget out, StackChanges stack) {
        out.block("## " + cell(stack.title()));
        for (Diagnostic diagnostic : stack.diagnostics()) {
            if (diagnostic.isError() || "warning".equals(diagnostic.severity())) {
                out.block("> **" + diagnostic.severity() + "**: " + cell(ValueText.shorten(diagnostic.message(), 400)));
            }
        }
        List<ResourceChange> changes = ChangeOrder.sorted(stack.changes());
        List<ResourceChange> deletes = new ArrayList<>();
        List<ResourceChange> creates = new ArrayList<>();
        for (ResourceChange change : changes) {
            if (change.op() == ChangeOp.CREATE) {
                creates.add(change);
            } else if (change.op() == ChangeOp.DELETE && !change.stateful()) {
                deletes.add(change);
            } else {
                change(out, change);
            }
        }
        collapsed(out, deletes, " more to delete (no data)");
        collapsed(out, creates, " to create");
        if (changes.isEmpty() && stack.diagnostics().isEmpty()) {
            out.block("No changes.");
        }
    }

    /** Resources listed by name only, folded away: deletes without data and creates. */
    private static void collapsed(MarkdownBudget out, List<ResourceChange> changes, String summary) {
        if (changes.isEmpty()) {
            return;
        }
        StringBuilder list = new StringBuilder("<details><summary>" + changes.size() + summary + "</summary>\n\n");
        changes.forEach(change -> list.append("- ").append(code(change.type())).append(' ')
                .append(code(change.name())).append('\n'));
        out.block(list.append("\n</details>").toString());
    }

    private static void change(MarkdownBudget out, ResourceChange change) {
        String heading = "### " + (change.op().destroys() ? "⚠ **" + change.op().name() + "**" : change.op().label())
                + " " + code(change.type()) + " " + code(change.name())
                + (change.stateful() ? " — **holds data**" : "")
                + (change.replaceReasons().isEmpty() ? "" : " — replaced because of "
                + String.join(", ", change.replaceReasons().stream().map(MarkdownReport::code).toList()));
        if (change.properties().isEmpty()) {
            out.block(heading);
            return;
        }
        List<String> rows = change.properties().stream().map(MarkdownReport::propertyRow).toList();
        out.table(heading + "\n\n", "| Property | Before | After |\n|---|---|---|\n", rows,
                "_%d more properties in the full report._");
    }

    private static String propertyRow(PropertyChange property) {
        return "| " + code(property.path()) + (property.replaces() ? " (forces replace)" : "") + " | "
                + value(property.oldValue()) + " | " + value(property.newValue()) + " |";
    }

    private static String value(Object value) {
        String text = ValueText.inline(value);
        return code(ValueText.shorten(text, VALUE_LIMIT)) + (text.length() > VALUE_LIMIT ? " (full value in "
                + Review.HTML_REPORT + ")" : "");
    }

    private static String bold(int count) {
        return count > 0 ? "**" + count + "**" : "0";
    }

    /** A code span that cannot break the table or the span: no pipes, backticks or newlines survive. */
    static String code(String text) {
        return "`" + text.replace("`", "'").replace("|", "¦").replace("\n", " ").replace("\r", " ") + "`";
    }

    /** Plain cell text: pipes escaped, no line breaks, no HTML. */
    static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", " ").replace("\n", " ");
    }
}
