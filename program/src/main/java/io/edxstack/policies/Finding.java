package io.edxstack.policies;

import io.edxstack.state.ResourceState;
import java.util.Objects;

/**
 * What a rule reports before the policy set weighs it: the resource and a message naming the fix.
 * The policy set turns findings into {@link Violation}s with the configured level, minus exemptions.
 *
 * @param resource       the resource at fault
 * @param message        what is wrong and how to fix it
 * @param cannotEvaluate the rule could not judge the resource because a value it needs is a secret or
 *                       unknown; a security rule's such finding is mandatory whatever the rule's level
 */
public record Finding(ResourceState resource, String message, boolean cannotEvaluate) {
    public Finding {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(message, "message");
    }

    public Finding(ResourceState resource, String message) {
        this(resource, message, false);
    }

    /** The rule cannot judge {@code resource}: {@code hiddenPath} is a secret or unknown in its inputs. */
    public static Finding cannotEvaluate(ResourceState resource, String subject, String hiddenPath) {
        return new Finding(resource, "cannot evaluate " + subject + ": " + hiddenPath + " is a secret or not known"
                + " before deployment; write it as a plain value (keep secrets in a Secret referenced by name)"
                + " so the policies can see it", true);
    }
}
