package io.edxstack.policies.kube;

import io.edxstack.state.ResourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resource that runs pods (Deployment, StatefulSet, Job, CronJob), seen through its pod template.
 *
 * @param resource     the resource
 * @param templatePath dotted path of the pod template in the inputs
 */
public record Workload(ResourceState resource, String templatePath) {

    /** The workload view of a resource, or empty when it runs no pods. */
    public static Optional<Workload> of(ResourceState resource) {
        if (KubeObject.isKind(resource, "Deployment") || KubeObject.isKind(resource, "StatefulSet")
                || KubeObject.isKind(resource, "Job")) {
            return Optional.of(new Workload(resource, "spec.template"));
        }
        if (KubeObject.isKind(resource, "CronJob")) {
            return Optional.of(new Workload(resource, "spec.jobTemplate.spec.template"));
        }
        return Optional.empty();
    }

    /** Deployments and StatefulSets serve for a long time, so they need probes; Jobs run to completion. */
    public boolean isLongRunning() {
        return KubeObject.isKind(resource, "Deployment") || KubeObject.isKind(resource, "StatefulSet");
    }

    public String namespace() {
        return KubeObject.namespace(resource);
    }

    public Map<String, Object> podSpec() {
        return Values.map(resource.inputs(), templatePath + ".spec");
    }

    public Map<String, String> podLabels() {
        return Values.strings(resource.inputs(), templatePath + ".metadata.labels");
    }

    public String podSpecPath() {
        return templatePath + ".spec";
    }

    /** Init containers first, then the main containers. */
    public List<Container> containers() {
        List<Container> containers = new ArrayList<>();
        addContainers(containers, "initContainers", true);
        addContainers(containers, "containers", false);
        return containers;
    }

    private void addContainers(List<Container> into, String field, boolean init) {
        List<Map<String, Object>> specs = Values.maps(podSpec(), field);
        for (int index = 0; index < specs.size(); index++) {
            Map<String, Object> spec = specs.get(index);
            String name = Values.string(spec, "name");
            into.add(new Container(name == null ? "#" + index : name, init, spec,
                    podSpecPath() + "." + field + "[" + index + "]"));
        }
    }

    public String describe() {
        return KubeObject.describe(resource);
    }
}
