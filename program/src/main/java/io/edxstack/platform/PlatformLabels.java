package io.edxstack.platform;

import io.edxstack.state.Statefulness;

import java.util.LinkedHashMap;
import java.util.Map;

/** The labels every object of a platform carries, so policies, reviews and operators can select it. */
public final class PlatformLabels {
    public static final String PLATFORM = "edxstack.io/platform";
    /** Pods the front door (ingress controller or load balancer) may reach. */
    public static final String EXPOSED = "edxstack.io/exposed";
    /** Annotation of a Service whose pods a controller makes on demand, not a workload of the stack. */
    public static final String PODS_MANAGED_BY = "edxstack.io/pods-managed-by";
    /** Namespace annotation: databases of the platform hosted outside the cluster (read by the review policies). */
    public static final String EXTERNAL_DATABASES = "edxstack.io/external-databases";
    /** Namespace annotation: pre-existing Secrets the platform reads (not created by the stack). */
    public static final String EXTERNAL_SECRETS = "edxstack.io/external-secrets";

    private PlatformLabels() {
    }

    public static Map<String, String> of(String platform) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/instance", platform);
        labels.put("app.kubernetes.io/part-of", "openedx");
        labels.put("app.kubernetes.io/managed-by", "edxstack");
        labels.put(PLATFORM, platform);
        return labels;
    }

    public static Map<String, String> of(String platform, String component) {
        Map<String, String> labels = of(platform);
        labels.put("app.kubernetes.io/name", component);
        return labels;
    }

    /**
     * Which stacks run the platform, from the catalogue: the review's cross-stack check reads it (an
     * annotation, as a label value cannot hold a list).
     */
    public static Map<String, String> namespaceAnnotations(io.edxstack.config.PlatformSpec spec) {
        return Map.of("edxstack.io/stacks", String.join(",", new java.util.TreeSet<>(spec.stacks())));
    }

    /** Labels of one workload: {@code name} (lms, mysql, ...) and its {@code component} (web, database, ...). */
    public static Map<String, String> of(String platform, String name, String component) {
        Map<String, String> labels = of(platform, name);
        labels.put("app.kubernetes.io/component", component);
        return labels;
    }

    /** What a Service or PodDisruptionBudget selects: stable across releases, unlike the other labels. */
    public static Map<String, String> selector(String platform, String name) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/instance", platform);
        labels.put("app.kubernetes.io/name", name);
        return labels;
    }

    /** The namespace also says it holds data and which Pod Security level its pods must meet. */
    public static Map<String, String> namespace(String platform) {
        Map<String, String> labels = of(platform, "openedx");
        labels.put(Statefulness.HOLDS_DATA_LABEL, "true");
        // restricted: non-root, no privilege escalation, capabilities dropped, RuntimeDefault seccomp.
        labels.put("pod-security.kubernetes.io/enforce", "restricted");
        labels.put("pod-security.kubernetes.io/enforce-version", "latest");
        labels.put("pod-security.kubernetes.io/audit", "restricted");
        labels.put("pod-security.kubernetes.io/warn", "restricted");
        return labels;
    }
}
