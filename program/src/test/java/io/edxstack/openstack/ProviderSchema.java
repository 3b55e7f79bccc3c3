package io.edxstack.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An OpenStack provider schema in the shape of a Pulumi package schema, which the hand-written bindings must match.
 * {@link #load()} is the real one: the Terraform provider's schema (built from its Go module, see
 * {@link TerraformSchema}) mapped with the bridge's rules ({@link BridgedSchema}). {@link #excerpt()} is the
 * type-related excerpt of pulumi-openstack 5.5.1's published {@code schema.json}, which proves those rules reproduce
 * what the bridge generated.
 */
public record ProviderSchema(JsonNode root) {
    static final String EXCERPT = "/openstack/schema-excerpt-5.5.1.json";

    /**
     * Each token edxstack binds and the Terraform resource pulumi-openstack maps to it (its {@code resources.go}: the
     * Magnum, DNS and Swift resources by name, the EC2 credential by the bridge's standard module/Name rule).
     */
    static final Map<String, String> BOUND = Map.of(
            ClusterTemplate.TYPE, "openstack_containerinfra_clustertemplate_v1",
            Cluster.TYPE, "openstack_containerinfra_cluster_v1",
            Ec2CredentialV3.TYPE, "openstack_identity_ec2_credential_v3",
            Container.TYPE, "openstack_objectstorage_container_v1",
            RecordSet.TYPE, "openstack_dns_recordset_v2");

    private static ProviderSchema real;

    /** The real schema of the resources edxstack binds; fails naming the build command when it is not built. */
    public static synchronized ProviderSchema load() {
        if (real == null) {
            real = BridgedSchema.derive(TerraformSchema.locate(), BOUND);
        }
        return real;
    }

    public static ProviderSchema excerpt() {
        try (InputStream in = ProviderSchema.class.getResourceAsStream(EXCERPT)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + EXCERPT);
            }
            return new ProviderSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode resource(String token) {
        return root.path("resources").path(token);
    }

    /** The provider's own inputs are its config properties. */
    public JsonNode providerConfig() {
        return root.path("config");
    }

    public Set<String> replaceOnChanges(String token) {
        Set<String> names = new TreeSet<>();
        resource(token).path("inputProperties").fields().forEachRemaining(e -> {
            if (e.getValue().path("willReplaceOnChanges").asBoolean()) {
                names.add(e.getKey());
            }
        });
        return names;
    }
}
