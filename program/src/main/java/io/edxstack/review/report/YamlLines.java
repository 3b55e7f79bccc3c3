package io.edxstack.review.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each key and scalar of a YAML file sits, so a review comment lands on the line that caused a
 * change. Keys are addressed by their path of names ({@code [sizing, lms, replicas]}); Pulumi stack
 * files have dotted keys ({@code edxstack:cluster.nodeCount}) which are one name.
 */
final class YamlLines {

    private static final YAMLFactory YAML = io.edxstack.reading.Mappers.yaml().build().getFactory();

    private final Map<List<String>, Integer> keys = new HashMap<>();
    private final Map<String, Integer> scalars = new HashMap<>();

    private YamlLines() {
    }

    /** The file's lines, or empty when it cannot be read as YAML (the review then falls back to line 1). */
    static Optional<YamlLines> of(Path file) {
        YamlLines lines = new YamlLines();
        try (JsonParser parser = YAML.createParser(Files.readString(file))) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.FIELD_NAME) {
                    lines.keys.putIfAbsent(path(parser.getParsingContext()), line);
                } else if (token.isScalarValue()) {
                    lines.scalars.putIfAbsent(parser.getText(), line);
                }
            }
            return Optional.of(lines);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    Optional<Integer> key(List<String> path) {
        return Optional.ofNullable(keys.get(path));
    }

    /** The first line holding this exact scalar value, e.g. an image reference. */
    Optional<Integer> scalar(String value) {
        return Optional.ofNullable(scalars.get(value));
    }

    /** The first top-level key under {@code config} that starts with a prefix, e.g. {@code edxstack:}. */
    Optional<Integer> firstConfigKey(String prefix) {
        return keys.entrySet().stream()
                .filter(entry -> entry.getKey().size() == 2 && entry.getKey().get(0).equals("config")
                        && entry.getKey().get(1).startsWith(prefix))
                .map(Map.Entry::getValue)
                .min(Integer::compare);
    }

    private static List<String> path(JsonStreamContext context) {
        Deque<String> names = new ArrayDeque<>();
        for (JsonStreamContext current = context; current != null && !current.inRoot(); current = current.getParent()) {
            names.addFirst(current.inArray() ? String.valueOf(current.getCurrentIndex()) : current.getCurrentName());
        }
        return List.copyOf(names);
    }
}
