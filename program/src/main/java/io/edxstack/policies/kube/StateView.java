package io.edxstack.policies.kube;

import io.edxstack.state.ResourceState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The desired state of one stack, with the look-ups rules share. */
public final class StateView {
    private final List<ResourceState> resources;
    /** Kubernetes objects by kind, namespace and name: rules look up one per reference, so a scan each would be quadratic. */
    private final Map<List<String>, ResourceState> byName = new HashMap<>();

    /** Computed once: nearly every rule walks the workloads, several once per Service. */
    private final List<Workload> visibleWorkloads;
    private final List<Workload> hiddenWorkloads;

    public StateView(List<ResourceState> resources) {
        this.resources = List.copyOf(resources);
        List<Workload> all = this.resources.stream().map(Workload::of).flatMap(Optional::stream).toList();
        this.visibleWorkloads = all.stream().filter(workload -> workload.hiddenStructure().isEmpty()).toList();
        this.hiddenWorkloads = all.stream().filter(workload -> workload.hiddenStructure().isPresent()).toList();
        for (ResourceState resource : this.resources) {
            if (KubeObject.isKubernetes(resource)) {
                byName.putIfAbsent(key(KubeObject.kind(resource), KubeObject.namespace(resource),
                        KubeObject.objectName(resource)), resource);
            }
        }
    }

    public List<ResourceState> resources() {
        return resources;
    }

    /** Kubernetes objects of a kind, e.g. {@code Service}. */
    public Stream<ResourceState> ofKind(String kind) {
        return resources.stream().filter(resource -> KubeObject.isKind(resource, kind));
    }

    /** The object of a kind with this {@code metadata.name} in this namespace. */
    public Optional<ResourceState> find(String kind, String namespace, String name) {
        return Optional.ofNullable(byName.get(key(kind, namespace, name)));
    }

    /**
     * Every resource that runs pods and whose pod structure the policies can read. Those they cannot read are
     * left out here, so no rule judges an empty stand-in; {@link #hiddenWorkloads()} reports them.
     */
    public Stream<Workload> workloads() {
        return visibleWorkloads.stream();
    }

    /** Resources that run pods but whose template, pod spec or containers are a secret or unknown. */
    public Stream<Workload> hiddenWorkloads() {
        return hiddenWorkloads.stream();
    }

    /** The HorizontalPodAutoscaler that scales this Deployment, if one does. */
    public Optional<ResourceState> autoscalerOf(Workload deployment) {
        String name = KubeObject.objectName(deployment.resource());
        return ofKind("HorizontalPodAutoscaler")
                .filter(autoscaler -> KubeObject.namespace(autoscaler).equals(deployment.namespace())
                        && "Deployment".equals(autoscaler.input("spec.scaleTargetRef.kind"))
                        && name.equals(autoscaler.input("spec.scaleTargetRef.name")))
                .findFirst();
    }

    /** Namespaces that belong to a platform (they carry the {@value KubeObject#PLATFORM_LABEL} label). */
    public Stream<ResourceState> platformNamespaces() {
        return ofKind("Namespace").filter(namespace -> KubeObject.platform(namespace) != null);
    }

    private static List<String> key(String kind, String namespace, String name) {
        return List.of(kind, namespace, name);
    }
}
