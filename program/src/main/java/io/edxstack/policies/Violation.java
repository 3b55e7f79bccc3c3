package io.edxstack.policies;

import java.util.Objects;

/**
 * One broken rule on one resource.
 *
 * @param ruleId  the rule's id as in the policy-set file
 * @param level   mandatory or advisory
 * @param urn     the resource's URN
 * @param name    the resource's logical name
 * @param message what is wrong with the resource and how to fix it
 */
public record Violation(String ruleId, Level level, String urn, String name, String message) {
    public Violation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(urn, "urn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
    }

    public boolean isMandatory() {
        return level == Level.MANDATORY;
    }
}
