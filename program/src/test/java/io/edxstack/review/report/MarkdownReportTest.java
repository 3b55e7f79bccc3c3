package io.edxstack.review.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edxstack.review.Fixtures;
import io.edxstack.review.Review;
import io.edxstack.review.StackViolation;
import io.edxstack.review.change.StackChanges;
import io.edxstack.review.guard.AllowReplaceFooters;
import io.edxstack.review.guard.DataLossGuard;
import io.edxstack.review.input.PreviewReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void render_largeReviewUnderSmallLimit_staysUnderLimitAndPointsToHtml() {
        Review review = review("prod-primary-platform-added", "prod-primary", "prod-dr-platform-removed", "prod-dr");
        int limit = 2_500;

        String markdown = MarkdownReport.render(review, limit);

        assertTrue(markdown.getBytes(StandardCharsets.UTF_8).length <= limit, () -> markdown.length() + " bytes");
        assertTrue(markdown.contains("Cut here to stay under Gerrit's comment limit"), markdown);
        assertTrue(markdown.contains("review.html"), markdown);
        assertTablesComplete(markdown);
    }

    @Test
    void render_tableCutMidway_saysHowManyRowsAreLeft() {
        Review review = review("prod-dr-platform-removed", "prod-dr");
        String full = MarkdownReport.render(review, MarkdownReport.GERRIT_COMMENT_LIMIT);
        int violationsEnd = full.indexOf("## prod-dr");

        String markdown = MarkdownReport.render(withManyViolations(review), violationsEnd);

        assertTrue(markdown.matches("(?s).*_\\d+ more violations in the full report, review\\.html\\._.*"), markdown);
        assertTablesComplete(markdown);
    }

    @Test
    void render_smallReview_isWholeWithoutCutNote() {
        Review review = review("prod-primary-lms-update", "prod-primary");

        String markdown = MarkdownReport.render(review, MarkdownReport.GERRIT_COMMENT_LIMIT);

        assertFalse(markdown.contains("Cut here"), markdown);
        assertTrue(markdown.contains("`spec.replicas` | `3` | `4` |"), markdown);
        assertTrue(markdown.contains("(full value in review.html)"), "the long lms.yml value is shortened");
    }

    @Test
    void code_pipeAndBacktick_cannotBreakTheTable() {
        assertEquals("`a¦b'c d`", MarkdownReport.code("a|b`c\nd"));
    }

    /** Every table row has as many cells as its header: nothing cut inside a row. */
    private static void assertTablesComplete(String markdown) {
        int columns = -1;
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("|")) {
                columns = -1;
                continue;
            }
            int cells = line.replace("\\|", "").split("\\|", -1).length;
            if (columns < 0) {
                columns = cells;
            }
            assertEquals(columns, cells, line);
        }
    }

    private static Review withManyViolations(Review review) {
        List<StackViolation> many = new ArrayList<>();
        for (int copy = 0; copy < 20; copy++) {
            many.addAll(review.violations());
        }
        return new Review(review.stacks(), many);
    }

    private static Review review(String... previewsAndStacks) {
        List<StackChanges> stacks = new ArrayList<>();
        List<StackViolation> violations = new ArrayList<>();
        for (int index = 0; index < previewsAndStacks.length; index += 2) {
            StackChanges changes = PreviewReader.read(Fixtures.preview(previewsAndStacks[index]),
                    previewsAndStacks[index + 1]).changes();
            stacks.add(changes);
            new DataLossGuard(AllowReplaceFooters.none())
                    .check(changes).forEach(v -> violations.add(new StackViolation(changes.stack(), v)));
        }
        return new Review(stacks.stream().map(stack -> new StackChanges(stack.stack(), stack.source(),
                stack.changes().stream().map(SecretMasking::mask).toList(), stack.unchanged(), stack.diagnostics()))
                .toList(), violations);
    }
}
