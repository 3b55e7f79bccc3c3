package io.edxstack.backup.contract;

import java.util.Locale;
import java.util.Optional;

/** The role of the stack a platform runs on: active serves learners, standby waits for failover. */
public enum StackRole {
    ACTIVE, STANDBY;

    public static Optional<StackRole> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "active" -> Optional.of(ACTIVE);
            case "standby" -> Optional.of(STANDBY);
            default -> Optional.empty();
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
