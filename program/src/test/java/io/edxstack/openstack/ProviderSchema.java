package io.edxstack.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pulumi-openstack 5.5.1 provider schema (the type-related excerpt of
 * {@code provider/cmd/pulumi-resource-openstack/schema.json}), which the hand-written bindings must match.
 */
public record ProviderSchema(JsonNode root) {
    static final String RESOURCE = "/openstack/schema-excerpt-5.5.1.json";

    public static ProviderSchema load() {
        try (InputStream in = ProviderSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return new ProviderSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String providerVersion() {
        return root.path("source").path("providerVersion").asText();
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
