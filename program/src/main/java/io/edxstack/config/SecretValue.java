package io.edxstack.config;

import java.util.Objects;

/**
 * A value set with {@code pulumi config set --secret}. It never prints itself; code that needs it hands it
 * to {@code Output.ofSecret} and nowhere else.
 */
public final class SecretValue {
    private final String value;

    public SecretValue(String value) {
        this.value = Objects.requireNonNull(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "[secret]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretValue s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
