package io.edxstack.review.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** How property values appear in reports: JSON, so strings, numbers and objects read unambiguously. */
final class ValueText {

    /** Values longer than this are collapsed (HTML) or shortened (Markdown, comments). */
    static final int SHORT = 80;
    static final String ABSENT = "(none)";

    private static final ObjectMapper COMPACT = io.edxstack.reading.Mappers.json().build();
    private static final ObjectMapper PRETTY = io.edxstack.reading.Mappers.json().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ValueText() {
    }

    /** One line of JSON; multi-line strings keep their {@code \n} escapes. */
    static String inline(Object value) {
        return value == null ? ABSENT : write(COMPACT, value);
    }

    /** Indented JSON, or a multi-line string as it is. */
    static String block(Object value) {
        if (value instanceof String text && text.indexOf('\n') >= 0) {
            return text;
        }
        return value == null ? ABSENT : write(PRETTY, value);
    }

    static boolean isLong(Object value) {
        return inline(value).length() > SHORT;
    }

    /** At most {@code limit} characters, marked with an ellipsis when cut. */
    static String shorten(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException unwritable) {
            return String.valueOf(value);
        }
    }
}
