package io.edxstack.review.report;

/** A minimal HTML writer: every text goes through {@link #text}, so untrusted values cannot inject markup. */
final class Html {

    private final StringBuilder out = new StringBuilder();

    /** Opens a tag; {@code classes} may be empty. Tag and class names are ours, never input. */
    Html open(String tag, String classes) {
        out.append('<').append(tag);
        if (!classes.isEmpty()) {
            out.append(" class=\"").append(escape(classes)).append('"');
        }
        out.append('>');
        return this;
    }

    Html open(String tag) {
        return open(tag, "");
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** An element holding only text. */
    Html element(String tag, String classes, String text) {
        return open(tag, classes).text(text).close(tag);
    }

    Html element(String tag, String text) {
        return element(tag, "", text);
    }

    /** Markup written by this class's callers from constants only. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char current : text.toCharArray()) {
            switch (current) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(current);
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
