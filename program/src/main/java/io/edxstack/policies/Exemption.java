package io.edxstack.policies;

import io.edxstack.state.ResourceState;
import java.util.Objects;

/**
 * A reviewed exception to one rule for one resource, matched by logical name or URN.
 *
 * @param resource the resource's logical name or full URN
 * @param reason   why the exception is acceptable; mandatory so reviewers see it in Gerrit
 */
public record Exemption(String resource, String reason) {
    public Exemption {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean covers(ResourceState state) {
        return resource.equals(state.name()) || resource.equals(state.urn());
    }
}
