package io.edxstack.config;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, validating access to a {@link RawConfig}: each read applies the key's default, checks its type
 * and records a problem naming the key instead of throwing, so one run reports everything.
 */
final class ConfigReader {
    private final RawConfig raw;
    private final Problems problems;

    ConfigReader(RawConfig raw, Problems problems) {
        this.raw = raw;
        this.problems = problems;
    }

    void problem(ConfigKey key, String message) {
        problems.add(raw.source(), key.fullName(), message);
    }

    /** Unknown keys are typos until proven otherwise: settings nobody reads must not pass silently. */
    void rejectUnknownKeys() {
        for (String key : raw.values().keySet()) {
            if (ConfigKeys.byFullName(key) != null) {
                continue;
            }
            if (!key.startsWith(ConfigKey.NAMESPACE + ":")) {
                problems.add(raw.source(), key, ClosestKey.among(key, ConfigKeys.fullNames())
                        .map(best -> "unknown key, perhaps '" + best + "'")
                        .orElse("not read by edxstack: its providers are explicit and take their settings "
                                + "from edxstack: keys, perhaps remove it"));
                continue;
            }
            problems.add(raw.source(), key, ClosestKey.unknownKeyMessage(key, ConfigKeys.fullNames()));
        }
    }

    Optional<String> optionalString(ConfigKey key) {
        String value = raw.values().get(key.fullName());
        if (value == null || value.isBlank()) {
            return key.defaultIfAny();
        }
        return Optional.of(value.trim());
    }

    String requiredString(ConfigKey key, String why) {
        return optionalString(key).orElseGet(() -> {
            problem(key, "missing, " + why + "; set it with 'pulumi config set " + key.fullName() + " VALUE'");
            return "";
        });
    }

    String oneOf(ConfigKey key, Set<String> allowed) {
        String value = optionalString(key).orElse("").toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            problem(key, "must be one of " + String.join(", ", allowed.stream().sorted().toList())
                    + " (got '" + optionalString(key).orElse("") + "')");
        }
        return value;
    }

    int integer(ConfigKey key, int min, int max) {
        String value = optionalString(key).orElse(key.defaultValue());
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                problem(key, "must be between " + min + " and " + max + " (got " + parsed + ")");
            }
            return parsed;
        } catch (NumberFormatException e) {
            problem(key, "must be a whole number (got '" + value + "')");
            return min;
        }
    }

    boolean bool(ConfigKey key) {
        String value = optionalString(key).orElse(key.defaultValue()).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            problem(key, "must be true or false (got '" + value + "')");
        }
        return value.equals("true");
    }

    /** A secret must arrive encrypted; a plain value in a reviewed YAML file has already leaked. */
    Optional<SecretValue> secret(ConfigKey key) {
        String value = raw.values().get(key.fullName());
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!raw.isSecret(key.fullName())) {
            problem(key, "is stored in plain text, perhaps 'pulumi config set --secret " + key.fullName() + "'"
                    + " (and rotate the value, it was committed)");
        }
        return Optional.of(new SecretValue(value));
    }

    /** Keys that other keys make meaningless: set anyway, they would mislead a reviewer. */
    void rejectIfSet(ConfigKey key, String reason) {
        if (raw.values().containsKey(key.fullName())) {
            problem(key, "has no effect " + reason + ", perhaps remove it");
        }
    }
}
