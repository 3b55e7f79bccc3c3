package io.edxstack.review.report;

import io.edxstack.review.change.PropertyChange;
import io.edxstack.review.change.PropertyPath;
import io.edxstack.review.change.ResourceChange;
import io.edxstack.state.ResourceState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what must not reach a Gerrit comment or a published report. Pulumi already shows secret
 * outputs as {@value ResourceState#SECRET}; this also masks values under keys that look secret
 * (password, token, ...), environment variables with such names, every value of a Kubernetes Secret,
 * {@code key: value} lines with such keys inside multi-line strings (settings files in ConfigMaps, quoted
 * JSON keys too), and the password of every URL ({@code mysql://user:password@host}). Secret-looking
 * keys include {@code secret} itself, master, signing and encryption keys ({@code MEILI_MASTER_KEY},
 * {@code JWT_PRIVATE_SIGNING_JWK}). Keys that only name a secret ({@code secretKeyRef},
 * {@code secretName}, label keys, a pod volume's {@code secret:} block) stay readable.
 */
public final class SecretMasking {

    private static final Pattern SECRET_WORD = Pattern.compile(
            "(?i).*(password|passwd|secret|token|private[_-]?key|api[_-]?key|access[_-]?key|credential|kubeconfig"
                    + "|dsn|master[_-]?key|signing|jwk|encryption[_-]?key|hmac).*");
    private static final Pattern REFERENCE_KEY = Pattern.compile("(?i).*(ref|refs|name|names)$|secrets?|imagePullSecrets");
    private static final Pattern EMBEDDED_LINE = Pattern.compile(
            "(?im)^(\\s*[\\w.-]*[\"']?[\\w.-]*(?:password|passwd|secret|token|private_key|api_key|access_key"
                    + "|master_key|signing|jwk|encryption_key|credential)[\\w.-]*[\"']?\\s*[:=]\\s*)([^,\\s].*?)(,?)$");
    /** The password of a URL's user info: scheme://user:PASSWORD@host. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^\\s:/@]*:)([^\\s@/]+)(@)");
    private static final String SECRET_TYPE = "kubernetes:core/v1:Secret";

    private SecretMasking() {
    }

    /** The change with its states and property values masked. */
    public static ResourceChange mask(ResourceChange change) {
        ResourceState oldState = mask(change.oldState());
        ResourceState newState = mask(change.newState());
        List<PropertyChange> properties = new ArrayList<>();
        for (PropertyChange property : change.properties()) {
            properties.add(new PropertyChange(property.path(), property.kind(),
                    value(change.type(), property.path(), property.oldValue(), oldState),
                    value(change.type(), property.path(), property.newValue(), newState), property.replaces()));
        }
        return new ResourceChange(change.urn(), change.type(), change.name(), change.op(), oldState, newState,
                properties, change.replaceReasons(), change.stateful());
    }

    private static ResourceState mask(ResourceState state) {
        if (state == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> inputs = (Map<String, Object>) tree(state.inputs(), state.type().equals(SECRET_TYPE), 0);
        return new ResourceState(state.urn(), state.type(), state.name(), state.parent(), state.provider(),
                state.protect(), inputs);
    }

    /** A property's value, masked by what its state, its path and its own keys say. */
    private static Object value(String type, String path, Object value, ResourceState maskedState) {
        if (value == null) {
            return null;
        }
        // The state knows what the path alone cannot tell, e.g. that env[3].value belongs to a PASSWORD variable.
        if (maskedState != null && ResourceState.SECRET.equals(PropertyPath.lookup(maskedState.inputs(), path))) {
            return ResourceState.SECRET;
        }
        boolean secretPath = type.equals(SECRET_TYPE) && (path.startsWith("data") || path.startsWith("stringData"));
        List<Object> steps = PropertyPath.parse(path);
        for (Object step : steps) {
            secretPath |= step instanceof String key && isSecretKey(key);
        }
        secretPath |= !steps.isEmpty() && steps.get(steps.size() - 1) instanceof String last
                && last.equalsIgnoreCase("secret") && !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
        return secretPath ? ResourceState.SECRET : tree(value, false, 0);
    }

    private static Object tree(Object value, boolean secretObject, int depth) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> masked = new LinkedHashMap<>();
            boolean secretEnv = map.get("name") instanceof String name && SECRET_WORD.matcher(name).matches()
                    && map.containsKey("value");
            map.forEach((key, child) -> {
                String name = String.valueOf(key);
                boolean hide = (depth == 0 && secretObject && (name.equals("data") || name.equals("stringData")))
                        || isSecretKey(name) || (secretEnv && name.equals("value"))
                        // A scalar under "secret" is one; a map there (a pod volume's secret source) only names one.
                        || (name.equalsIgnoreCase("secret") && !(child instanceof Map<?, ?>) && !(child instanceof List<?>));
                masked.put(name, hide ? ResourceState.SECRET : tree(child, secretObject, depth + 1));
            });
            return masked;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(element -> tree(element, secretObject, depth + 1)).toList();
        }
        if (value instanceof String text) {
            return text(text);
        }
        return value;
    }

    /**
     * Free text masked: URL passwords, and {@code key: value} / {@code "key": "value"} lines with a
     * secret-looking key (multi-line settings files, a Pulumi log).
     */
    public static String text(String text) {
        String masked = URL_PASSWORD.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(ResourceState.SECRET) + "$3");
        return EMBEDDED_LINE.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(ResourceState.SECRET) + "$3");
    }

    static boolean isSecretKey(String key) {
        return SECRET_WORD.matcher(key).matches() && !REFERENCE_KEY.matcher(key).matches() && key.indexOf('/') < 0;
    }
}
