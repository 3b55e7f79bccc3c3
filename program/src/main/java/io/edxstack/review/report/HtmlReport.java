package io.edxstack.review.report;

import io.edxstack.review.Review;
import io.edxstack.review.StackViolation;
import io.edxstack.review.change.ChangeOp;
import io.edxstack.review.change.Diagnostic;
import io.edxstack.review.change.PropertyChange;
import io.edxstack.review.change.ResourceChange;
import io.edxstack.review.change.StackChanges;
import java.util.List;
import java.util.Map;

/** {@code review.html}: the full review, published as the job's artifact. Long values are collapsed. */
public final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;max-width:80em;color:#222}
            table{border-collapse:collapse;margin:.5em 0 1em}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
            code,pre{font-family:ui-monospace,monospace;font-size:90%}pre{white-space:pre-wrap;margin:0}
            .blocked{background:#fde2e1;padding:.5em;border-left:4px solid #c00}.clear{background:#e3f6e3;padding:.5em;border-left:4px solid #090}
            .destroy{background:#fff4e5;border-left:4px solid #e67e00;padding:.25em .75em;margin:.5em 0}
            .mandatory{color:#c00;font-weight:bold}.stateful{color:#c00;font-weight:bold}.error{color:#c00}
            """;

    private HtmlReport() {
    }

    public static String render(Review review) {
        Html html = new Html().raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .element("title", "edxstack review").raw("<style>" + STYLE + "</style></head><body>")
                .element("h1", "edxstack review");
        long mandatory = review.mandatoryCount();
        html.element("p", mandatory > 0 ? "blocked" : "clear", mandatory > 0
                ? "Blocked: " + mandatory + " mandatory violation(s). The change cannot deploy until they are fixed."
                : "No mandatory violations.");
        summary(html, review.stacks());
        if (!review.violations().isEmpty()) {
            violations(html, review.violations());
        }
        for (StackChanges stack : review.stacks()) {
            section(html, stack);
        }
        return html.raw("</body></html>\n").toString();
    }

    private static void summary(Html html, List<StackChanges> stacks) {
        html.open("table").open("tr");
        for (String header : List.of("Stack", "Source", "Create", "Update", "Replace", "Delete", "Unchanged")) {
            html.element("th", header);
        }
        html.close("tr");
        for (StackChanges stack : stacks) {
            Map<ChangeOp, Integer> counts = stack.counts();
            html.open("tr").element("td", stack.stack()).element("td", stack.source().label());
            for (ChangeOp op : List.of(ChangeOp.CREATE, ChangeOp.UPDATE, ChangeOp.REPLACE, ChangeOp.DELETE, ChangeOp.SAME)) {
                html.element("td", op.destroys() && counts.get(op) > 0 ? "mandatory" : "", String.valueOf(counts.get(op)));
            }
            html.close("tr");
        }
        html.close("table");
    }

    private static void violations(Html html, List<StackViolation> violations) {
        html.element("h2", "Policy violations").open("table").open("tr");
        for (String header : List.of("Level", "Rule", "Stack", "Resource", "Problem and fix")) {
            html.element("th", header);
        }
        html.close("tr");
        for (StackViolation found : violations) {
            html.open("tr")
                    .element("td", found.violation().isMandatory() ? "mandatory" : "", found.violation().level().label())
                    .open("td").element("code", found.violation().ruleId()).close("td")
                    .element("td", found.stack())
                    .open("td").element("code", found.violation().name()).close("td")
                    .element("td", found.violation().message())
                    .close("tr");
        }
        html.close("table");
    }

    private static void section(Html html, StackChanges stack) {
        html.open("section").element("h2", stack.title());
        for (Diagnostic diagnostic : stack.diagnostics()) {
            html.open("p", diagnostic.isError() ? "error" : "").element("strong", diagnostic.severity() + ": ")
                    .open("pre").text(diagnostic.message()).close("pre").close("p");
        }
        List<ResourceChange> changes = ChangeOrder.sorted(stack.changes());
        for (ResourceChange change : changes) {
            if (change.op() != ChangeOp.CREATE) {
                change(html, change);
            }
        }
        List<ResourceChange> creates = changes.stream().filter(change -> change.op() == ChangeOp.CREATE).toList();
        if (!creates.isEmpty()) {
            html.open("details").element("summary", creates.size() + " to create").open("ul");
            for (ResourceChange create : creates) {
                html.open("li").open("details").open("summary").element("code", create.type()).text(" ")
                        .element("code", create.name()).close("summary");
                if (create.newState() != null) {
                    html.open("pre").text(ValueText.block(create.newState().inputs())).close("pre");
                }
                html.close("details").close("li");
            }
            html.close("ul").close("details");
        }
        if (changes.isEmpty()) {
            html.element("p", "No changes.");
        }
        html.close("section");
    }

    private static void change(Html html, ResourceChange change) {
        html.open("div", change.op().destroys() ? "destroy" : "").open("h3")
                .element("strong", change.op().destroys() ? change.op().name() : change.op().label()).text(" ")
                .element("code", change.type()).text(" ").element("code", change.name());
        if (change.stateful()) {
            html.text(" ").element("span", "stateful", "holds data");
        }
        html.close("h3");
        if (!change.replaceReasons().isEmpty()) {
            html.element("p", "Replaced because of: " + String.join(", ", change.replaceReasons()));
        }
        if (!change.properties().isEmpty()) {
            html.open("table").open("tr").element("th", "Property").element("th", "Before").element("th", "After")
                    .close("tr");
            for (PropertyChange property : change.properties()) {
                html.open("tr").open("td").element("code", property.path())
                        .text(property.replaces() ? " (forces replace)" : "").close("td");
                value(html, property.oldValue());
                value(html, property.newValue());
                html.close("tr");
            }
            html.close("table");
        } else if (change.op() == ChangeOp.DELETE && change.oldState() != null) {
            html.open("details").element("summary", "state before the delete").open("pre")
                    .text(ValueText.block(change.oldState().inputs())).close("pre").close("details");
        }
        html.close("div");
    }

    private static void value(Html html, Object value) {
        html.open("td");
        if (ValueText.isLong(value)) {
            html.open("details").open("summary").element("code", ValueText.shorten(ValueText.inline(value), 60))
                    .close("summary").open("pre").text(ValueText.block(value)).close("pre").close("details");
        } else {
            html.element("code", ValueText.inline(value));
        }
        html.close("td");
    }
}
