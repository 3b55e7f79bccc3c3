package io.edxstack.failover;

import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import com.pulumi.resources.StackReferenceOutputDetails;
import io.edxstack.config.StackConfig;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the other region's stack outputs from the state backend. The state lives in the DR region's
 * Ceph, so the DR stack can read the primary's last recorded state even when the primary region is gone;
 * only its {@code role} is read, and never as an input of a resource: nothing here can make a DR
 * resource depend on the primary region.
 */
public final class PeerStack {
    private static final long READ_TIMEOUT_SECONDS = 120;

    private PeerStack() {
    }

    /**
     * Blocks until the peer's role is known or known to be unreadable: the guard must decide before any
     * resource. A peer stack without a {@code role} output counts as unreadable, as an edxstack stack that
     * was ever deployed has one.
     */
    public static PeerState read(StackConfig config) {
        if (config.peerStack().isEmpty()) {
            return PeerState.none();
        }
        String peer = config.peerStack().get();
        try {
            var reference = new StackReference(config.stackName() + "-peer",
                    StackReferenceArgs.builder().name(peer).build());
            StackReferenceOutputDetails role = reference.outputDetailsAsync("role")
                    .get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return role.getValue()
                    .map(value -> PeerState.known(peer, String.valueOf(value)))
                    .orElseGet(() -> PeerState.unreadable(peer, "the stack " + peer + " has no 'role' output yet"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PeerState.unreadable(peer, "interrupted while reading " + peer);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return PeerState.unreadable(peer, "the stack " + peer + " could not be read: " + e.getMessage());
        }
    }
}
