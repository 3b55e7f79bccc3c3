package io.edxstack.config;

import java.util.Optional;

/**
 * @param primaryUnreachable the operator states the peer's region is down (promotion without it)
 * @param dns                the platforms' DNS records, when Designate manages them
 */
public record FailoverConfig(boolean primaryUnreachable, Optional<DnsConfig> dns) {

    public record DnsConfig(String zoneId, String frontDoorAddress, int ttl) {
    }
}
