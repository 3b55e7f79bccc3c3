package io.edxstack.render;

import com.pulumi.test.Mocks;
import io.edxstack.openstack.Cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Stands in for the cloud when there is none: each resource gets a stable ID and its inputs back as
 * outputs, and a Magnum cluster the outputs a real one reports (addresses from the documentation range,
 * a kubeconfig that reaches nothing). Stable values keep two renders of the same input byte-identical.
 */
final class RenderMocks implements Mocks {

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> outputs = new LinkedHashMap<>(args.inputs);
        if (Cluster.TYPE.equals(args.type)) {
            outputs.putAll(clusterOutputs(args.name));
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), outputs));
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
