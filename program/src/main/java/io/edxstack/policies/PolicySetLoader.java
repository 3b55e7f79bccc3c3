package io.edxstack.policies;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edxstack.policies.PolicySet.ConfiguredRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code policies/policy-set.yaml}: per rule id a level, parameters and exemptions. Rules the
 * file does not name run at their default level, so a new rule is never silently off.
 */
public final class PolicySetLoader {

    private static final Set<String> TOP_KEYS = Set.of("version", "rules");
    private static final Set<String> RULE_KEYS = Set.of("level", "parameters", "exemptions");
    private static final Set<String> EXEMPTION_KEYS = Set.of("resource", "reason");
    private static final ObjectMapper YAML = io.edxstack.reading.Mappers.yaml().build();

    private final Path file;

    private PolicySetLoader(Path file) {
        this.file = file;
    }

    public static PolicySet load(Path file) {
        return new PolicySetLoader(file).read();
    }

    private PolicySet read() {
        Map<String, Object> root = object(parse(), "");
        onlyKeys(root, TOP_KEYS, "");
        if (!Integer.valueOf(1).equals(root.get("version"))) {
            throw new PolicySetException(file, "version", "must be 1, perhaps the file is for a newer edxstack");
        }
        Map<String, Object> configured = object(root.getOrDefault("rules", Map.of()), "rules");
        for (String id : configured.keySet()) {
            if (RuleCatalog.find(id).isEmpty()) {
                throw new PolicySetException(file, "rules." + id, "unknown rule id, perhaps one of "
                        + RuleCatalog.all().stream().map(PolicyRule::id).toList());
            }
        }
        List<ConfiguredRule> rules = new ArrayList<>();
        for (PolicyRule rule : RuleCatalog.all()) {
            Object entry = configured.get(rule.id());
            rules.add(entry == null
                    ? new ConfiguredRule(rule, rule.defaultLevel(), RuleParameters.NONE, List.of())
                    : configure(rule, object(entry, "rules." + rule.id())));
        }
        return new PolicySet(rules);
    }

    private Object parse() {
        try {
            Object parsed = YAML.readValue(Files.readString(file), Object.class);
            return parsed == null ? Map.of() : parsed;
        } catch (NoSuchFileException missing) {
            throw new PolicySetException(file, "", "no such file, perhaps run from the repository root or pass"
                    + " --policy-set");
        } catch (JacksonException malformed) {
            throw new PolicySetException(file, "is not valid YAML (" + malformed.getOriginalMessage() + ")", malformed);
        } catch (IOException unreadable) {
            throw new PolicySetException(file, "cannot be read (" + unreadable.getMessage() + ")", unreadable);
        }
    }

    private ConfiguredRule configure(PolicyRule rule, Map<String, Object> entry) {
        String key = "rules." + rule.id();
        onlyKeys(entry, RULE_KEYS, key);
        Level level = rule.defaultLevel();
        if (entry.containsKey("level")) {
            level = Level.parse(String.valueOf(entry.get("level")));
            if (level == null) {
                throw new PolicySetException(file, key + ".level", "'" + entry.get("level")
                        + "' is not a level, perhaps mandatory, advisory or disabled");
            }
        }
        return new ConfiguredRule(rule, level, parameters(rule, entry.get("parameters"), key + ".parameters"),
                exemptions(entry.get("exemptions"), key + ".exemptions"));
    }

    private RuleParameters parameters(PolicyRule rule, Object value, String key) {
        if (value == null) {
            return RuleParameters.NONE;
        }
        Map<String, Object> parameters = object(value, key);
        onlyKeys(parameters, rule.parameterNames(), key);
        Map<String, Object> checked = new LinkedHashMap<>();
        parameters.forEach((name, list) -> {
            if (!(list instanceof List<?> items) || !items.stream().allMatch(String.class::isInstance)) {
                throw new PolicySetException(file, key + "." + name, "must be a list of strings");
            }
            checked.put(name, List.copyOf(items));
        });
        return new RuleParameters(checked);
    }

    private List<Exemption> exemptions(Object value, String key) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> entries)) {
            throw new PolicySetException(file, key, "must be a list of {resource, reason}");
        }
        List<Exemption> exemptions = new ArrayList<>();
        for (int index = 0; index < entries.size(); index++) {
            String entryKey = key + "[" + index + "]";
            Map<String, Object> entry = object(entries.get(index), entryKey);
            onlyKeys(entry, EXEMPTION_KEYS, entryKey);
            exemptions.add(new Exemption(text(entry, "resource", entryKey), text(entry, "reason", entryKey)));
        }
        return exemptions;
    }

    private String text(Map<String, Object> entry, String field, String key) {
        Object value = entry.get(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new PolicySetException(file, key + "." + field, "is required"
                    + (field.equals("reason") ? ", perhaps explain why the exemption is safe" : ""));
        }
        return text;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(Object value, String key) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new PolicySetException(file, key, "must be a mapping");
        }
        return (Map<String, Object>) map;
    }

    private void onlyKeys(Map<String, Object> map, Set<String> allowed, String key) {
        for (String present : map.keySet()) {
            if (!allowed.contains(present)) {
                throw new PolicySetException(file, key.isEmpty() ? present : key + "." + present,
                        "unknown key, perhaps one of " + allowed.stream().sorted().toList());
            }
        }
    }
}
