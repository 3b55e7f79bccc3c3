package io.edxstack.config;

import java.util.Optional;

/**
 * One stack setting: its name under the {@code edxstack:} namespace, type, default and description.
 * The list in {@link ConfigKeys} is the single source of {@code Pulumi.yaml}'s config section and the
 * README's settings table.
 */
public record ConfigKey(String name, Type type, String defaultValue, boolean required, boolean secret, String description) {

    public static final String NAMESPACE = "edxstack";

    public enum Type {
        STRING("string"), INTEGER("integer"), BOOLEAN("boolean");

        private final String pulumiName;

        Type(String pulumiName) {
            this.pulumiName = pulumiName;
        }

        /** The type name Pulumi.yaml's config schema uses. */
        public String pulumiName() {
            return pulumiName;
        }
    }

    /** The key as Pulumi spells it: {@code edxstack:cluster.masterCount}. */
    public String fullName() {
        return NAMESPACE + ":" + name;
    }

    public Optional<String> defaultIfAny() {
        return Optional.ofNullable(defaultValue);
    }

    /** A key every stack must set; Pulumi itself refuses to run a stack without it. */
    static ConfigKey required(String name, String description) {
        return new ConfigKey(name, Type.STRING, null, true, false, description);
    }

    /** An optional string; without a default it is empty, which reads as unset. */
    static ConfigKey string(String name, String defaultValue, String description) {
        return new ConfigKey(name, Type.STRING, defaultValue, false, false, description);
    }

    static ConfigKey integer(String name, int defaultValue, String description) {
        return new ConfigKey(name, Type.INTEGER, Integer.toString(defaultValue), false, false, description);
    }

    static ConfigKey bool(String name, boolean defaultValue, String description) {
        return new ConfigKey(name, Type.BOOLEAN, Boolean.toString(defaultValue), false, false, description);
    }

    static ConfigKey secret(String name, String description) {
        return new ConfigKey(name, Type.STRING, null, false, true, description);
    }
}
