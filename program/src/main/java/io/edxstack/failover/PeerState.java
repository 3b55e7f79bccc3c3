package io.edxstack.failover;

import java.util.Optional;

/**
 * What this stack knows of the other region's stack: its last recorded role, or why it is not known.
 *
 * @param status how far the peer could be read
 * @param stack  the peer stack's name, empty when none is configured
 * @param role   the peer's {@code role} output as last deployed, when {@link Status#KNOWN}
 * @param reason why the role is not known, otherwise
 */
public record PeerState(Status status, Optional<String> stack, Optional<String> role, Optional<String> reason) {

    /** How far the peer could be read. */
    public enum Status {
        /** No {@code edxstack:peerStack}: a single-region deployment, nothing to guard against. */
        NONE,
        /** The peer's last recorded role was read. */
        KNOWN,
        /** A peer is configured but its role could not be read (unreachable backend, no such stack, no role output). */
        UNREADABLE,
        /** Deliberately not read: the policy gate's dry run, which the engine's own run follows with a real read. */
        NOT_CONSULTED
    }

    public static PeerState none() {
        return new PeerState(Status.NONE, Optional.empty(), Optional.empty(),
                Optional.of("no edxstack:peerStack is configured"));
    }

    public static PeerState known(String stack, String role) {
        return new PeerState(Status.KNOWN, Optional.of(stack), Optional.of(role), Optional.empty());
    }

    public static PeerState unreadable(String stack, String reason) {
        return new PeerState(Status.UNREADABLE, Optional.of(stack), Optional.empty(), Optional.of(reason));
    }

    public static PeerState notConsulted() {
        return new PeerState(Status.NOT_CONSULTED, Optional.empty(), Optional.empty(),
                Optional.of("the peer is read by the engine's run, not by the policy gate's dry run"));
    }

    public boolean isActive() {
        return role.filter("active"::equals).isPresent();
    }
}
