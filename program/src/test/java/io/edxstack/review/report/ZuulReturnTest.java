package io.edxstack.review.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edxstack.policies.Level;
import io.edxstack.policies.Violation;
import io.edxstack.review.Review;
import io.edxstack.review.StackViolation;
import io.edxstack.review.change.StackChanges;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZuulReturnTest {

    @Test
    void warnings_manyLongViolations_fitTheJobsShareOfGerritsMessage() {
        List<StackViolation> violations = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            violations.add(new StackViolation("prod-primary", new Violation("workload-non-root", Level.MANDATORY,
                    "urn:pulumi:prod-primary::edxstack::x::n" + i, "demo-lms-" + i, "é".repeat(400))));
        }
        Review review = new Review(List.of(new StackChanges("prod-primary", StackChanges.Source.PREVIEW, List.of(), 0,
                List.of())), violations);

        List<String> warnings = ZuulReturn.warnings(review);

        int bytes = warnings.stream().mapToInt(ZuulReturn::bytes).sum();
        assertTrue(bytes <= ZuulReturn.WARNINGS_BUDGET, bytes + " bytes");
        assertTrue(warnings.size() < 25, "the budget, not the count, cut the list: " + warnings.size());
        assertTrue(warnings.get(warnings.size() - 1).matches("edxstack: \\d+ more violations, see review.html"));
        // Both jobs of a message at their full share, with Zuul's own text, stay within Gerrit's limit.
        assertTrue(ZuulReturn.JOBS_PER_MESSAGE * ZuulReturn.WARNINGS_BUDGET + ZuulReturn.ZUUL_REPORT_OVERHEAD
                <= 16 * 1024);
    }

    @Test
    void warnings_fewViolations_allShownWithoutMoreLine() {
        Review review = new Review(List.of(), List.of(new StackViolation("prod-dr", new Violation("image-pinned",
                Level.ADVISORY, "urn:x", "demo-cms", "latest tag"))));

        assertEquals(List.of("edxstack advisory violation [image-pinned] on prod-dr, resource demo-cms: latest tag"),
                ZuulReturn.warnings(review));
    }
}
