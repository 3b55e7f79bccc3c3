package io.edxstack.config;

import io.edxstack.reading.Mappers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code stacks/platforms/<name>.settings.json}, the Django settings merged over what the catalogue
 * renders. Read with the catalogue, so a syntax error stops the run before any resource is registered.
 */
public final class SettingsOverridesFile {
    public static final String SUFFIX = ".settings.json";
    static final Set<String> SERVICES = Set.of("lms", "cms");
    /** Settings a ConfigMap must never hold: they belong in Secrets (derived ones or existing ones). */
    private static final Pattern SECRET_KEY_NAME = Pattern.compile(".*(PASSWORD|SECRET|PRIVATE_KEY|API_KEY|TOKEN).*");
    private static final ObjectMapper JSON = Mappers.json().build();

    private SettingsOverridesFile() {
    }

    /** The overrides of the platform file {@code yamlFile}; an empty object when it has none. */
    static ObjectNode read(Path projectDir, Path yamlFile, Problems problems) {
        String stem = yamlFile.getFileName().toString().replaceFirst("\\.yaml$", "");
        Path file = yamlFile.resolveSibling(stem + SUFFIX);
        ObjectNode empty = JSON.createObjectNode();
        if (!Files.isRegularFile(file)) {
            return empty;
        }
        String name = projectDir.relativize(file).toString();
        JsonNode root;
        try {
            root = Documents.readJson(file);
        } catch (Documents.UnreadableException e) {
            problems.add(name, "(file)", e.getMessage()
                    + (e.getMessage().startsWith("is not valid JSON") ? ", perhaps a trailing comma or a missing quote" : ""));
            return empty;
        }
        if (root == null || !root.isObject()) {
            problems.add(name, "(file)", "must be a JSON object such as {\"lms\": {...}, \"cms\": {...}}");
            return empty;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (!SERVICES.contains(field.getKey())) {
                problems.add(name, field.getKey(), ClosestKey.unknownKeyMessage(field.getKey(), SERVICES));
            } else if (!field.getValue().isObject()) {
                problems.add(name, field.getKey(), "must be an object of Django settings");
            } else {
                rejectSecrets(name, field.getKey(), field.getValue(), problems);
                checkTimeZone(name, field.getKey(), field.getValue().get("TIME_ZONE"), problems);
            }
        }
        return (ObjectNode) root;
    }

    /** A settings.json beside no platform file is read by nobody: a rename gone wrong. */
    static void checkOrphans(Path projectDir, Path platformsDir, Set<String> platformStems, Problems problems) {
        if (!Files.isDirectory(platformsDir)) {
            return;
        }
        try (var files = Files.list(platformsDir)) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(SUFFIX))
                    .sorted()
                    .filter(f -> !platformStems.contains(f.substring(0, f.length() - SUFFIX.length())))
                    .forEach(f -> problems.add(projectDir.relativize(platformsDir.resolve(f)).toString(), "(file)",
                            "belongs to no platform (no " + f.replace(SUFFIX, ".yaml") + "), perhaps rename or remove it"));
        } catch (IOException e) {
            problems.add(projectDir.relativize(platformsDir).toString(), "(directory)", "cannot be listed: " + e.getMessage());
        }
    }

    /** Django refuses to start with a TIME_ZONE its tz database does not have. */
    private static void checkTimeZone(String file, String service, JsonNode zone, Problems problems) {
        if (zone == null) {
            return;
        }
        if (!zone.isTextual() || !java.time.ZoneId.getAvailableZoneIds().contains(zone.asText())) {
            problems.add(file, service + ".TIME_ZONE", ClosestKey.among(zone.asText(), java.time.ZoneId.getAvailableZoneIds())
                    .map(best -> "unknown time zone '" + zone.asText() + "', perhaps '" + best + "'")
                    .orElse("unknown time zone '" + zone.asText() + "': a tz database name such as UTC or Europe/Paris"));
        }
    }

    private static void rejectSecrets(String file, String path, JsonNode node, Problems problems) {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            String key = path + "." + field.getKey();
            if (SECRET_KEY_NAME.matcher(field.getKey().toUpperCase(Locale.ROOT)).matches()) {
                problems.add(file, key, "looks like a secret, and settings end up in a ConfigMap; perhaps drop it "
                        + "(edxstack derives the platform's secrets) or ask for it to be read from a Secret");
            } else {
                rejectSecrets(file, key, field.getValue(), problems);
            }
        }
    }
}
