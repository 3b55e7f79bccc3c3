package io.edxstack.review.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edxstack.policies.Level;
import io.edxstack.policies.Violation;
import io.edxstack.review.Review;
import io.edxstack.review.StackViolation;
import io.edxstack.review.change.ChangeOp;
import io.edxstack.review.change.PropertyChange;
import io.edxstack.review.change.ResourceChange;
import io.edxstack.review.change.StackChanges;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static final String URN = "urn:pulumi:prod-primary::edxstack::kubernetes:core/v1:ConfigMap::demo-<b>";

    @Test
    void render_markupInNamesValuesAndMessages_isEscaped() {
        ResourceChange change = new ResourceChange(URN, "kubernetes:core/v1:ConfigMap", "demo-<b>", ChangeOp.UPDATE,
                null, null, List.of(new PropertyChange("data[\"motd\"]", PropertyChange.Kind.UPDATE,
                "<script>alert(1)</script>", "\"quoted\" & 'single'", false)), List.of(), false);
        Review review = new Review(List.of(new StackChanges("prod-primary", StackChanges.Source.DESIRED_DIFF,
                List.of(change), 3, List.of())), List.of(new StackViolation("prod-primary",
                new Violation("workload-probes", Level.ADVISORY, URN, "demo-<b>", "fix <img src=x onerror=alert(1)>"))));

        String html = HtmlReport.render(review);

        assertFalse(html.contains("<script>alert"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("demo-<b>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("&amp; &#39;single&#39;"), html);
    }

    @Test
    void render_replaceOfStatefulResource_isHighlightedBeforeUpdates() {
        ResourceChange update = new ResourceChange("urn:pulumi:s::p::t::a-update", "kubernetes:apps/v1:Deployment",
                "a-update", ChangeOp.UPDATE, null, null, List.of(), List.of(), false);
        ResourceChange replace = new ResourceChange("urn:pulumi:s::p::t::z-replace",
                "kubernetes:core/v1:PersistentVolumeClaim", "z-replace", ChangeOp.REPLACE, null, null, List.of(),
                List.of("spec.storageClassName"), true);
        Review review = new Review(List.of(new StackChanges("prod-primary", StackChanges.Source.PREVIEW,
                List.of(update, replace), 0, List.of())), List.of());

        String html = HtmlReport.render(review);

        assertTrue(html.indexOf("z-replace") < html.indexOf("a-update"), html);
        assertTrue(html.contains("<div class=\"destroy\"><h3><strong>REPLACE</strong>"), html);
        assertTrue(html.contains("holds data"), html);
    }
}
