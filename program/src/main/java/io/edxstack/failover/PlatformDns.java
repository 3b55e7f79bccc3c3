package io.edxstack.failover;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.edxstack.config.FailoverConfig.DnsConfig;
import io.edxstack.config.PlatformSpec;
import io.edxstack.openstack.RecordSet;
import io.edxstack.openstack.RecordSetArgs;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The platforms' DNS records, owned by whichever stack is active: they point every host at this region's
 * front door, so a promotion flips DNS in the same reviewed deployment, and needs nothing of the other
 * region.
 */
public final class PlatformDns extends ComponentResource {
    public static final String TYPE = "edxstack:failover:PlatformDns";

    public PlatformDns(String name, DnsConfig dns, String region, List<PlatformSpec> platforms,
                       @Nullable ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        int records = 0;
        for (PlatformSpec platform : platforms) {
            for (String host : platform.hosts().all()) {
                new RecordSet(name + "-" + host, RecordSetArgs.builder()
                        .zoneId(dns.zoneId())
                        .region(region)
                        .name(host + ".")
                        .type("A")
                        .ttl(dns.ttl())
                        .records(List.of(dns.frontDoorAddress()))
                        .description("edxstack platform " + platform.name())
                        .build(), CustomResourceOptions.builder().parent(this).build());
                records++;
            }
        }
        registerOutputs(Map.of("records", Output.of(records)));
    }
}
