package io.edxstack.policies.rules.platform;

import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.KubeObject;
import io.edxstack.policies.kube.StateView;
import io.edxstack.policies.kube.Values;
import io.edxstack.policies.kube.Workload;
import io.edxstack.state.Quantity;
import io.edxstack.state.ResourceState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a namespace's pods claim at once at their peak, read from the rendered objects: each Deployment at
 * its autoscaler's maximum (else its replicas) plus its rolling-update surge, each StatefulSet at its
 * replicas (ReplicaSets likewise), each DaemonSet once per node, each Pod once, every CronJob once, and one Job
 * (edxstack runs its init jobs one after another). PodTemplates run nothing by themselves.
 */
record PeakUsage(Map<String, BigDecimal> totals) {
    private static final List<String> KEYS = List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory");
    private static final BigDecimal GI = BigDecimal.valueOf(1L << 30);

    static PeakUsage of(StateView state, String namespace) {
        Map<String, BigDecimal> defaults = limitRangeDefaults(state, namespace);
        Map<String, BigDecimal> totals = new HashMap<>();
        Map<String, BigDecimal> largestJob = new HashMap<>();
        state.workloads().filter(workload -> workload.namespace().equals(namespace)).forEach(workload -> {
            Map<String, BigDecimal> pod = podClaims(workload, defaults);
            ResourceState resource = workload.resource();
            if (KubeObject.isKind(resource, "Deployment")) {
                long replicas = peakReplicas(state, workload);
                add(totals, pod, replicas + surge(resource, replicas));
            } else if (Set.of("StatefulSet", "ReplicaSet", "ReplicationController").contains(workload.kind())) {
                add(totals, pod, count(resource, "spec.replicas", 1));
            } else if (KubeObject.isKind(resource, "DaemonSet")) {
                add(totals, pod, nodes(state));
            } else if (KubeObject.isKind(resource, "Pod")) {
                add(totals, pod, 1);
            } else if (KubeObject.isKind(resource, "CronJob")) {
                if (!Values.isTrue(resource.inputs(), "spec.suspend")) {
                    add(totals, pod, count(resource, "spec.jobTemplate.spec.parallelism", 1));
                }
            } else if (KubeObject.isKind(resource, "Job")) {
                Map<String, BigDecimal> job = new HashMap<>();
                add(job, pod, count(resource, "spec.parallelism", 1));
                job.forEach((key, value) -> largestJob.merge(key, value, BigDecimal::max));
            }
        });
        largestJob.forEach((key, value) -> totals.merge(key, value, BigDecimal::add));
        return new PeakUsage(Map.copyOf(totals));
    }

    /** How a message shows a quantity: cores, Gi, or a count. */
    static String format(String key, BigDecimal value) {
        if (key.endsWith("memory")) {
            return value.divide(GI, 1, RoundingMode.UP).stripTrailingZeros().toPlainString() + "Gi";
        }
        return value.setScale(2, RoundingMode.UP).stripTrailingZeros().toPlainString();
    }

    private static void add(Map<String, BigDecimal> totals, Map<String, BigDecimal> pod, long pods) {
        BigDecimal times = BigDecimal.valueOf(pods);
        pod.forEach((key, value) -> totals.merge(key, value.multiply(times), BigDecimal::add));
        totals.merge("pods", times, BigDecimal::add);
    }

    /**
     * A pod claims the larger of its containers' sum and its largest init container. A container without a
     * request gets its limit, else the LimitRange default, as the API server fills them in.
     */
    private static Map<String, BigDecimal> podClaims(Workload workload, Map<String, BigDecimal> defaults) {
        Map<String, BigDecimal> running = new HashMap<>();
        Map<String, BigDecimal> init = new HashMap<>();
        for (Container container : workload.containers()) {
            if (container.kind() == Container.Kind.EPHEMERAL) {
                continue; // ephemeral containers take no resources of their own
            }
            for (String key : KEYS) {
                BigDecimal value = claim(container, key, defaults);
                if (container.init()) {
                    init.merge(key, value, BigDecimal::max);
                } else {
                    running.merge(key, value, BigDecimal::add);
                }
            }
        }
        init.forEach((key, value) -> running.merge(key, value, BigDecimal::max));
        return running;
    }

    private static BigDecimal claim(Container container, String key, Map<String, BigDecimal> defaults) {
        String resource = key.substring(key.indexOf('.') + 1);
        BigDecimal limit = Quantity.of(Values.at(container.spec(), "resources.limits." + resource));
        if (limit == null) {
            limit = defaults.get("limits." + resource);
        }
        if (key.startsWith("limits.")) {
            return limit == null ? BigDecimal.ZERO : limit;
        }
        BigDecimal request = Quantity.of(Values.at(container.spec(), "resources.requests." + resource));
        if (request == null) {
            request = limit != null ? limit : defaults.get("requests." + resource);
        }
        return request == null ? BigDecimal.ZERO : request;
    }

    /** The namespace's LimitRange defaults for containers, keyed like the quota. */
    private static Map<String, BigDecimal> limitRangeDefaults(StateView state, String namespace) {
        Map<String, BigDecimal> defaults = new HashMap<>();
        state.ofKind("LimitRange").filter(range -> KubeObject.namespace(range).equals(namespace))
                .flatMap(range -> Values.maps(range.inputs(), "spec.limits").stream())
                .filter(item -> "Container".equals(item.get("type")))
                .forEach(item -> {
                    for (String resource : List.of("cpu", "memory")) {
                        putIfQuantity(defaults, "requests." + resource, Values.at(item, "defaultRequest." + resource));
                        putIfQuantity(defaults, "limits." + resource, Values.at(item, "default." + resource));
                    }
                });
        return defaults;
    }

    private static void putIfQuantity(Map<String, BigDecimal> into, String key, Object value) {
        BigDecimal quantity = Quantity.of(value);
        if (quantity != null) {
            into.putIfAbsent(key, quantity);
        }
    }

    /**
     * Nodes a DaemonSet runs a pod on: the workers and control-plane nodes of the stack's Magnum cluster (its
     * own pods may tolerate the control plane's taint), at least one when the cluster is not in the stack.
     */
    private static long nodes(StateView state) {
        long nodes = state.resources().stream()
                .filter(resource -> resource.type().equals("openstack:containerinfra/cluster:Cluster"))
                .mapToLong(cluster -> count(cluster, "nodeCount", 1) + count(cluster, "masterCount", 0))
                .sum();
        return Math.max(nodes, 1);
    }

    /** An autoscaler's maximum when one targets the Deployment, else its replicas (1 when unset). */
    private static long peakReplicas(StateView state, Workload deployment) {
        return state.autoscalerOf(deployment)
                .map(autoscaler -> count(autoscaler, "spec.maxReplicas", 1))
                .orElseGet(() -> count(deployment.resource(), "spec.replicas", 1));
    }

    /** Extra pods a rolling update starts: maxSurge as a count or a percentage rounded up (default 25 %). */
    static long surge(ResourceState deployment, long replicas) {
        if ("Recreate".equals(deployment.input("spec.strategy.type"))) {
            return 0;
        }
        Object maxSurge = deployment.input("spec.strategy.rollingUpdate.maxSurge");
        String text = maxSurge == null ? "25%" : String.valueOf(maxSurge);
        if (text.endsWith("%")) {
            BigDecimal percent = new BigDecimal(text.substring(0, text.length() - 1));
            return percent.multiply(BigDecimal.valueOf(replicas)).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                    .longValueExact();
        }
        return new BigDecimal(text).longValue();
    }

    private static long count(ResourceState resource, String path, long fallback) {
        Double value = Values.number(resource.inputs(), path);
        return value == null ? fallback : value.longValue();
    }
}
