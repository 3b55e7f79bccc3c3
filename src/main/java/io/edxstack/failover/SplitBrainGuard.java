package io.edxstack.failover;

import io.edxstack.config.StackConfig;

import java.util.Optional;

/**
 * Refuses to make a stack active while its peer's last recorded role is active too, unless the operator
 * states in the reviewed change that the peer's region is unreachable. Two active regions would both
 * take writes and both write backups to the same bucket.
 */
public final class SplitBrainGuard {
    private SplitBrainGuard() {
    }

    /** Returns a warning for the operator, if any; throws when the stack must not run. */
    public static Optional<String> check(StackConfig config, PeerState peer) {
        if (!config.isActive()) {
            return Optional.empty();
        }
        String peerName = peer.stack().orElse("the peer stack");
        if (peer.isActive()) {
            if (config.failover().primaryUnreachable()) {
                return Optional.of(config.stackName() + " is promoted while " + peerName + " last recorded role active: "
                        + "edxstack:failover.primaryUnreachable states its region is down. Set " + peerName
                        + " to standby before its region comes back (see the failback runbook).");
            }
            throw new SplitBrainException(config.stackName() + " and " + peerName + " would both be active (split brain), "
                    + "nothing was changed. Perhaps set edxstack:role standby on " + peerName + " first, or, if its region "
                    + "is down, set edxstack:failover.primaryUnreachable: true in this change (see the failover runbook).");
        }
        if (config.failover().primaryUnreachable()) {
            return Optional.of("edxstack:failover.primaryUnreachable is set but " + peerName + " is not recorded active; "
                    + "remove it once the failover is complete");
        }
        return peer.role().isPresent() ? Optional.empty()
                : Optional.of("the peer's role is unknown (" + peer.reason().orElse("") + "); proceeding as " + config.stackName()
                        + " is the only active stack known");
    }
}
