package io.edxstack.policies.kube;

import io.edxstack.state.ResourceState;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The desired state of one stack, with the look-ups rules share. */
public record StateView(List<ResourceState> resources) {

    public StateView {
        resources = List.copyOf(resources);
    }

    /** Kubernetes objects of a kind, e.g. {@code Service}. */
    public Stream<ResourceState> ofKind(String kind) {
        return resources.stream().filter(resource -> KubeObject.isKind(resource, kind));
    }

    /** The object of a kind with this {@code metadata.name} in this namespace. */
    public Optional<ResourceState> find(String kind, String namespace, String name) {
        return ofKind(kind)
                .filter(resource -> KubeObject.namespace(resource).equals(namespace))
                .filter(resource -> KubeObject.objectName(resource).equals(name))
                .findFirst();
    }

    public Stream<Workload> workloads() {
        return resources.stream().map(Workload::of).flatMap(Optional::stream);
    }

    /** Namespaces that belong to a platform (they carry the {@value KubeObject#PLATFORM_LABEL} label). */
    public Stream<ResourceState> platformNamespaces() {
        return ofKind("Namespace").filter(namespace -> KubeObject.platform(namespace) != null);
    }
}
