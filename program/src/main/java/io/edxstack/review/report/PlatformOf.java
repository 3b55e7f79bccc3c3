package io.edxstack.review.report;

import io.edxstack.policies.kube.KubeObject;
import io.edxstack.review.change.ResourceChange;
import io.edxstack.state.ResourceState;
import java.util.Optional;

/**
 * The platform a changed resource belongs to: its {@value KubeObject#PLATFORM_LABEL} label, else its
 * parent when that is a Platform component ({@code ...::edxstack:platform:Platform::demo}), else the
 * resource itself when it is one.
 */
final class PlatformOf {

    static final String PLATFORM_TYPE = "edxstack:platform:Platform";

    private PlatformOf() {
    }

    static Optional<String> of(ResourceChange change) {
        for (ResourceState state : new ResourceState[] {change.newState(), change.oldState()}) {
            if (state != null && KubeObject.platform(state) != null) {
                return Optional.of(KubeObject.platform(state));
            }
        }
        if (change.type().equals(PLATFORM_TYPE)) {
            return Optional.of(change.name());
        }
        ResourceState state = change.latestState();
        if (state != null && state.parent() != null && ownType(state.parent()).equals(PLATFORM_TYPE)) {
            return Optional.of(state.parent().substring(state.parent().lastIndexOf("::") + 2));
        }
        return Optional.empty();
    }

    /** The last type of a URN's {@code $}-separated type chain. */
    private static String ownType(String urn) {
        int nameStart = urn.lastIndexOf("::");
        if (nameStart < 0) {
            return "";
        }
        String chain = urn.substring(0, nameStart);
        chain = chain.substring(chain.lastIndexOf("::") + 2);
        return chain.substring(chain.lastIndexOf('$') + 1);
    }
}
