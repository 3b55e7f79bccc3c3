package io.edxstack.render;

import com.pulumi.test.Mocks;
import io.edxstack.config.StackFiles;
import io.edxstack.openstack.Cluster;
import io.edxstack.openstack.Ec2CredentialV3;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Stands in for the cloud when there is none: each resource gets a stable ID and, as outputs, what the
 * program reads of it (a Kubernetes object's metadata, other resources' inputs), and a Magnum cluster
 * the outputs a real one reports (addresses from the documentation range,
 * a kubeconfig that reaches nothing). Stable values keep two renders of the same input byte-identical.
 */
public final class RenderMocks implements Mocks {
    private static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";

    private final Path projectDir;
    private final boolean peerFromStackFiles;

    public RenderMocks(Path projectDir, boolean peerFromStackFiles) {
        this.projectDir = projectDir;
        this.peerFromStackFiles = peerFromStackFiles;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> outputs = outputsOf(args);
        switch (args.type) {
            case Cluster.TYPE -> outputs.putAll(clusterOutputs(args.name));
            case Ec2CredentialV3.TYPE -> outputs.putAll(Map.of("access", "rendered-access-key", "secret", "rendered-secret-key"));
            case STACK_REFERENCE -> outputs.put("outputs", peerOutputs(String.valueOf(args.inputs.get("name"))));
            default -> { }
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), outputs));
    }

    /**
     * A Kubernetes object's outputs as far as the program reads them: its metadata. Echoing whole specs
     * back would cost the SDK a second serialisation of every object and tell the render nothing new.
     */
    private static Map<String, Object> outputsOf(ResourceArgs args) {
        if (!args.type.startsWith("kubernetes:")) {
            return new LinkedHashMap<>(args.inputs);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (String key : new String[] {"apiVersion", "kind", "metadata"}) {
            if (args.inputs.containsKey(key)) {
                outputs.put(key, args.inputs.get(key));
            }
        }
        return outputs;
    }

    /**
     * The peer stack's state is not at hand when rendering; its stack file is. Its configured role stands
     * in for its last deployed one, so render checks for split brain against the reviewed files.
     */
    private Map<String, Object> peerOutputs(String peer) {
        String stack = peer.substring(peer.lastIndexOf('/') + 1);
        if (!peerFromStackFiles || !Files.isRegularFile(projectDir.resolve("Pulumi." + stack + ".yaml"))) {
            return Map.of();
        }
        String role = StackFiles.read(projectDir, stack).values().getOrDefault("edxstack:role", "active");
        return Map.of("role", role);
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return CompletableFuture.completedFuture(Map.of());
    }

    private static Map<String, Object> clusterOutputs(String name) {
        String api = "https://192.0.2.10:6443";
        String kubeconfig = "apiVersion: v1\nkind: Config\nclusters:\n- name: " + name + "\n  cluster:\n    server: " + api
                + "\ncontexts:\n- name: default\n  context:\n    cluster: " + name + "\n    user: admin\ncurrent-context: default\n"
                + "users:\n- name: admin\n  user: {}\n";
        return Map.of(
                "apiAddress", api,
                "coeVersion", "rendered",
                "masterAddresses", List.of("192.0.2.11"),
                "nodeAddresses", List.of("192.0.2.21"),
                "kubeconfig", Map.of("rawConfig", kubeconfig, "host", api));
    }
}
