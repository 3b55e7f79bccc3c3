package io.edxstack.tutor;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Tutor {@code config.yml} being read, and what the import reports of its keys: mapped (where to), secret
 * (what edxstack does instead) or not mapped (why), plus the commands that carry kept secrets over. Every key
 * read is marked handled; the import reports the rest as unknown.
 */
final class TutorKeys {
    final Map<String, JsonNode> config = new TreeMap<>();
    final Map<String, String> mapped = new TreeMap<>();
    final Map<String, String> notMapped = new TreeMap<>();
    final Map<String, String> secrets = new TreeMap<>();
    final List<String> instructions = new ArrayList<>();
    final TreeSet<String> handled = new TreeSet<>();

    TutorKeys(JsonNode tutorConfig) {
        tutorConfig.fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue()));
    }

    /** The key's value as text; a Jinja template (Tutor's default left in the file) counts as absent, reported. */
    Optional<String> text(String key) {
        handled.add(key);
        JsonNode value = config.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        if (text.contains("{{")) {
            notMapped.put(key, "a Jinja template (" + text + "): Tutor renders it, edxstack does not; set the value by hand");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    boolean flag(String key, boolean fallback) {
        return text(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    /** Reports the key as mapped to a place of the platform file or stack. */
    void map(String key, String where) {
        mapped.put(key, where);
    }
}
