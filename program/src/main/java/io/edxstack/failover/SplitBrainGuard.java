package io.edxstack.failover;

import io.edxstack.config.StackConfig;

import java.util.Optional;

/**
 * Refuses to make a stack active while its peer's last recorded role is active too, or cannot be read at all,
 * unless the operator states in the reviewed change that the peer's region is unreachable. Two active regions
 * would both take writes and both write backups to the same bucket; a peer whose role cannot be read may be
 * exactly that, so not knowing refuses as knowing would.
 */
public final class SplitBrainGuard {
    private SplitBrainGuard() {
    }

    /** Returns a warning for the operator, if any; throws when the stack must not run. */
    public static Optional<String> check(StackConfig config, PeerState peer) {
        if (!config.isActive()) {
            return Optional.empty();
        }
        boolean unreachableStated = config.failover().primaryUnreachable();
        String peerName = peer.stack().orElse("the peer stack");
        return switch (peer.status()) {
            case NONE, NOT_CONSULTED -> Optional.empty();
            case UNREADABLE -> {
                if (unreachableStated) {
                    yield Optional.of(config.stackName() + " goes active without knowing the role of " + peerName + " ("
                            + peer.reason().orElse("") + "): edxstack:failover.primaryUnreachable states its region is"
                            + " down. Set " + peerName + " to standby before its region comes back (see the failback"
                            + " runbook).");
                }
                throw new SplitBrainException("the role of " + peerName + " cannot be read (" + peer.reason().orElse("")
                        + "), so " + config.stackName() + " cannot know it would be the only active stack; nothing was"
                        + " changed. Perhaps restore access to the state backend, or, if the peer's region is down, set"
                        + " edxstack:failover.primaryUnreachable: true in this change (see the failover runbook).");
            }
            case KNOWN -> {
                if (peer.isActive()) {
                    if (unreachableStated) {
                        yield Optional.of(config.stackName() + " is promoted while " + peerName + " last recorded role"
                                + " active: edxstack:failover.primaryUnreachable states its region is down. Set "
                                + peerName + " to standby before its region comes back (see the failback runbook).");
                    }
                    throw new SplitBrainException(config.stackName() + " and " + peerName + " would both be active"
                            + " (split brain), nothing was changed. Perhaps set edxstack:role standby on " + peerName
                            + " first, or, if its region is down, set edxstack:failover.primaryUnreachable: true in this"
                            + " change (see the failover runbook).");
                }
                yield unreachableStated
                        ? Optional.of("edxstack:failover.primaryUnreachable is set but " + peerName + " is not recorded"
                                + " active; remove it once the failover is complete")
                        : Optional.empty();
            }
        };
    }
}
