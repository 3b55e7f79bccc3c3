package io.edxstack.policies.kube;

import io.edxstack.state.ResourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A resource that runs pods, seen through its pod template: every Kubernetes kind with one (Deployment,
 * StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate) and the Pod itself.
 * {@code *Patch} kinds are not workloads: they carry part of an object and are flagged as unreviewable.
 *
 * @param resource the resource
 * @param podPath  dotted path of the pod (the object with {@code metadata} and {@code spec}) in the inputs,
 *                 empty for a Pod
 */
public record Workload(ResourceState resource, String podPath) {

    private static final Set<String> TEMPLATE_KINDS = Set.of(
            "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job");
    private static final Set<String> LONG_RUNNING_KINDS = Set.of(
            "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController");

    /** The workload view of a resource, or empty when it runs no pods. */
    public static Optional<Workload> of(ResourceState resource) {
        if (!KubeObject.isKubernetes(resource)) {
            return Optional.empty();
        }
        String kind = KubeObject.kind(resource);
        if (TEMPLATE_KINDS.contains(kind)) {
            return Optional.of(new Workload(resource, "spec.template"));
        }
        return switch (kind) {
            case "CronJob" -> Optional.of(new Workload(resource, "spec.jobTemplate.spec.template"));
            case "PodTemplate" -> Optional.of(new Workload(resource, "template"));
            case "Pod" -> Optional.of(new Workload(resource, ""));
            default -> Optional.empty();
        };
    }

    /** Controllers keep their pods serving, so they need probes; Jobs run to completion. */
    public boolean isLongRunning() {
        return LONG_RUNNING_KINDS.contains(KubeObject.kind(resource));
    }

    public String kind() {
        return KubeObject.kind(resource);
    }

    public String namespace() {
        return KubeObject.namespace(resource);
    }

    public Map<String, Object> podSpec() {
        return Values.map(resource.inputs(), podSpecPath());
    }

    public Map<String, String> podLabels() {
        return Values.strings(resource.inputs(), child("metadata.labels"));
    }

    public String podSpecPath() {
        return child("spec");
    }

    /** Init containers first, then the main containers, then ephemeral ones; hidden containers are left out. */
    public List<Container> containers() {
        List<Container> containers = new ArrayList<>();
        for (Container.Kind kind : Container.Kind.values()) {
            List<Object> specs = Values.list(podSpec(), kind.field());
            for (int index = 0; index < specs.size(); index++) {
                if (Values.isHidden(specs.get(index))) {
                    continue; // reported by hiddenStructure(); judging an empty stand-in would mislead
                }
                Map<String, Object> spec = Values.asMap(specs.get(index));
                String name = Values.string(spec, "name");
                containers.add(new Container(name == null ? "#" + index : name, kind, spec,
                        podSpecPath() + "." + kind.field() + "[" + index + "]"));
            }
        }
        return containers;
    }

    /**
     * Where the pod's structure is hidden from the policies (the template, the pod spec, its labels, a container
     * list or a container is a secret or unknown), as a path in the inputs; empty when it can be read. Rules see no
     * containers where it is hidden, so this alone must stop the change.
     */
    public Optional<String> hiddenStructure() {
        Optional<String> spec = Values.hiddenAlong(resource.inputs(), podSpecPath())
                .or(() -> Values.hiddenOn(resource.inputs(), child("metadata.labels")));
        if (spec.isPresent()) {
            return spec;
        }
        for (Container.Kind kind : Container.Kind.values()) {
            String path = podSpecPath() + "." + kind.field();
            Object list = podSpec().get(kind.field());
            if (Values.isHidden(list)) {
                return Optional.of(path);
            }
            List<Object> items = Values.asList(list);
            for (int index = 0; index < items.size(); index++) {
                if (Values.isHidden(items.get(index))) {
                    return Optional.of(path + "[" + index + "]");
                }
            }
        }
        return Optional.empty();
    }

    public String describe() {
        return KubeObject.describe(resource);
    }

    private String child(String path) {
        return podPath.isEmpty() ? path : podPath + "." + path;
    }
}
