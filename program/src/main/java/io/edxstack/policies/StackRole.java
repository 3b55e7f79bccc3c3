package io.edxstack.policies;

import java.util.Locale;

/** A stack's role in the two-region pair: the active one serves and backs up, the standby one restores. */
public enum StackRole {
    ACTIVE,
    STANDBY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code active} or {@code standby}; null otherwise. */
    public static StackRole parse(String text) {
        for (StackRole role : values()) {
            if (role.label().equals(text)) {
                return role;
            }
        }
        return null;
    }
}
