package io.edxstack.failover;

import java.util.Optional;

/**
 * What this stack knows of the other region's stack: its last recorded role, or why it is not known.
 *
 * @param stack  the peer stack's name, empty when none is configured
 * @param role   the peer's {@code role} output as last deployed
 * @param reason why the role is unknown, when it is
 */
public record PeerState(Optional<String> stack, Optional<String> role, Optional<String> reason) {

    public static PeerState none() {
        return new PeerState(Optional.empty(), Optional.empty(), Optional.of("no edxstack:peerStack is configured"));
    }

    public static PeerState known(String stack, String role) {
        return new PeerState(Optional.of(stack), Optional.of(role), Optional.empty());
    }

    public static PeerState unknown(String stack, String reason) {
        return new PeerState(Optional.of(stack), Optional.empty(), Optional.of(reason));
    }

    public boolean isActive() {
        return role.filter("active"::equals).isPresent();
    }
}
