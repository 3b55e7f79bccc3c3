package io.edxstack.platform;

import io.edxstack.render.DesiredState;
import io.edxstack.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads rendered inputs by path ({@code spec.template.spec.containers[0].image}) for assertions. */
final class Rendered {
    static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    static final String STATEFUL_SET = "kubernetes:apps/v1:StatefulSet";
    static final String SERVICE = "kubernetes:core/v1:Service";
    static final String SECRET = "kubernetes:core/v1:Secret";
    static final String CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
    static final String JOB = "kubernetes:batch/v1:Job";
    static final String HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
    static final String PDB = "kubernetes:policy/v1:PodDisruptionBudget";
    static final String NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
    static final String INGRESS = "kubernetes:networking.k8s.io/v1:Ingress";
    static final String NAMESPACE = "kubernetes:core/v1:Namespace";
    static final String CERTIFICATE = "kubernetes:cert-manager.io/v1:Certificate";
    static final String CLUSTER_ISSUER = "kubernetes:cert-manager.io/v1:ClusterIssuer";
    static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    private static final Pattern STEP = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    private Rendered() {
    }

    static Object at(RenderedResource resource, String path) {
        return at(resource.state().inputs(), path);
    }

    static Object at(Object root, String path) {
        Object current = root;
        Matcher step = STEP.matcher(path);
        while (step.find()) {
            if (step.group(1) != null) {
                if (!(current instanceof Map<?, ?> map)) {
                    return null;
                }
                current = map.get(step.group(1));
            } else {
                if (!(current instanceof List<?> list) || list.size() <= Integer.parseInt(step.group(2))) {
                    return null;
                }
                current = list.get(Integer.parseInt(step.group(2)));
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object root, String path) {
        return (Map<String, Object>) at(root, path);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object root, String path) {
        Object value = at(root, path);
        return value == null ? List.of() : (List<Object>) value;
    }

    static List<RenderedResource> named(DesiredState state, String type, String prefix) {
        return state.ofType(type).stream().filter(r -> r.state().name().startsWith(prefix)).toList();
    }

    /** The pod spec of a Deployment, StatefulSet or Job. */
    static Map<String, Object> podSpec(RenderedResource resource) {
        return map(resource.state().inputs(), "spec.template.spec");
    }

    /** Every container of every pod the render declares, init containers included. */
    static List<Map<String, Object>> allContainers(DesiredState state) {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (String type : List.of(DEPLOYMENT, STATEFUL_SET, JOB)) {
            for (RenderedResource resource : state.ofType(type)) {
                for (String key : List.of("containers", "initContainers")) {
                    list(podSpec(resource), key).forEach(c -> containers.add(map(c, "")));
                }
            }
        }
        return containers;
    }

    static Map<String, Object> container(RenderedResource resource, String name) {
        return list(podSpec(resource), "containers").stream()
                .map(c -> map(c, ""))
                .filter(c -> name.equals(c.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name + " in " + resource.state().name()));
    }

    /** The init container that fills a pod's settings with its secrets. */
    static Map<String, Object> settingsFiller(RenderedResource resource) {
        return list(podSpec(resource), "initContainers").stream()
                .map(c -> map(c, ""))
                .filter(c -> "settings".equals(c.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no settings init container in " + resource.state().name()));
    }

    /** The env entry of a container, by variable name. */
    static Map<String, Object> env(Map<String, Object> container, String variable) {
        return list(container, "env").stream()
                .map(e -> map(e, ""))
                .filter(e -> variable.equals(e.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no env " + variable + " in container " + container.get("name")));
    }
}
