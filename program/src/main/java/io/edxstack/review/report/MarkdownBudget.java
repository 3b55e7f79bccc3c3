package io.edxstack.review.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds Markdown that stays under a byte limit (Gerrit's comment limit counts UTF-8 bytes). Text is
 * added in whole blocks and whole table rows; once something does not fit, the rest is left out and a
 * closing note says so and points to the full report. Room for that note is always kept.
 */
final class MarkdownBudget {

    private final StringBuilder text = new StringBuilder();
    private final int limit;
    private final String cutNote;
    private int bytes;
    private int omitted;

    /** @param cutNote what to append when something was left out; {@code %d} becomes the count left out */
    MarkdownBudget(int limit, String cutNote) {
        this.limit = limit - size(String.format(cutNote, Integer.MAX_VALUE)) - 2;
        this.cutNote = cutNote;
    }

    /** Adds a block (ends with a blank line) if it fits and nothing was left out before it. */
    boolean block(String block) {
        String paragraph = block.endsWith("\n\n") ? block : block + (block.endsWith("\n") ? "\n" : "\n\n");
        if (omitted > 0 || bytes + size(paragraph) > limit) {
            omitted++;
            return false;
        }
        text.append(paragraph);
        bytes += size(paragraph);
        return true;
    }

    /** Adds a table with as many rows as fit; a table is never cut without a line saying how many rows are left. */
    void table(String heading, String header, List<String> rows, String rowsLeftNote) {
        StringBuilder table = new StringBuilder(heading).append(header);
        int shown = 0;
        String reserve = String.format(rowsLeftNote, rows.size()) + "\n\n";
        for (String row : rows) {
            String candidate = row + "\n";
            if (bytes + size(table.toString()) + size(candidate) + size(reserve) > limit) {
                break;
            }
            table.append(candidate);
            shown++;
        }
        if (shown == 0 && !rows.isEmpty()) {
            omitted++;
            return;
        }
        if (shown < rows.size()) {
            table.append('\n').append(String.format(rowsLeftNote, rows.size() - shown));
        }
        block(table.toString());
    }

    String build() {
        return omitted == 0 ? text.toString() : text + String.format(cutNote, omitted) + "\n";
    }

    static int size(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
