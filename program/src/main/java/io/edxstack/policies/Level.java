package io.edxstack.policies;

import java.util.Locale;

/** How much a rule's violation weighs, as in Pulumi CrossGuard: mandatory blocks, advisory only warns. */
public enum Level {
    MANDATORY,
    ADVISORY,
    DISABLED;

    /** The spelling used in the policy-set file and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a policy-set spelling; null when it is not a level. */
    public static Level parse(String text) {
        for (Level level : values()) {
            if (level.label().equals(text)) {
                return level;
            }
        }
        return null;
    }
}
