package io.edxstack.platform;

import com.pulumi.resources.Resource;

import java.util.List;

/**
 * The platform's start order as one chain: storage class, data services, init jobs (Tutor's order), then
 * the Deployments. Each step depends on the one before only, which orders everything after it too. (One
 * dependency per resource also keeps renders byte-identical: the SDK hands several over in hash order.)
 */
final class StartOrder {
    private List<Resource> last;

    /** {@code first}: what the first step waits for (the storage class, the Secrets the workloads read). */
    StartOrder(List<? extends Resource> first) {
        this.last = List.copyOf(first);
    }

    /** What the next step waits for: the last one, or for the first step everything it waits for. */
    List<Resource> after() {
        return last;
    }

    <R extends Resource> R then(R resource) {
        last = List.of(resource);
        return resource;
    }
}
