package io.edxstack.review;

import io.edxstack.policies.StackRole;
import io.edxstack.state.ResourceState;
import java.util.List;

/** One stack's desired state as the policies check it: from a render or from a preview's new states. */
public record StackResources(String stack, StackRole role, List<ResourceState> resources) {
    public StackResources {
        resources = List.copyOf(resources);
    }
}
