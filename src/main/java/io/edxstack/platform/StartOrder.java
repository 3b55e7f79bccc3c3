package io.edxstack.platform;

import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Optional;

/**
 * The platform's start order as one chain: storage class, data services, init jobs (Tutor's order), then
 * the Deployments. Each step depends on the one before only, which orders everything after it too. (One
 * dependency per resource also keeps renders byte-identical: the SDK hands several over in hash order.)
 */
final class StartOrder {
    private Optional<Resource> last;

    StartOrder(Optional<Resource> first) {
        this.last = first;
    }

    /** What the next step waits for: the last one, if any. */
    List<Resource> after() {
        return last.map(List::of).orElse(List.of());
    }

    <R extends Resource> R then(R resource) {
        last = Optional.of(resource);
        return resource;
    }
}
