package io.edxstack.policies.rules.wiring;

import io.edxstack.policies.kube.Values;
import io.edxstack.policies.kube.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Secret or ConfigMap a pod template needs.
 *
 * @param kind  {@code Secret} or {@code ConfigMap}
 * @param name  the object's name
 * @param where how the pod uses it, for messages
 */
record ConfigReference(String kind, String name, String where) {

    /** Every required reference of a pod template; references marked {@code optional: true} are left out. */
    static List<ConfigReference> of(Workload workload) {
        List<ConfigReference> references = new ArrayList<>();
        Map<String, Object> podSpec = workload.podSpec();
        for (Map<String, Object> volume : Values.maps(podSpec, "volumes")) {
            String volumeName = "volume '" + volume.get("name") + "'";
            add(references, "Secret", Values.map(volume, "secret"), "secretName", volumeName);
            add(references, "ConfigMap", Values.map(volume, "configMap"), "name", volumeName);
            for (Map<String, Object> source : Values.maps(volume, "projected.sources")) {
                add(references, "Secret", Values.map(source, "secret"), "name", volumeName);
                add(references, "ConfigMap", Values.map(source, "configMap"), "name", volumeName);
            }
        }
        for (Map<String, Object> pullSecret : Values.maps(podSpec, "imagePullSecrets")) {
            add(references, "Secret", pullSecret, "name", "imagePullSecrets");
        }
        workload.containers().forEach(container -> {
            String where = "container '" + container.name() + "'";
            for (Map<String, Object> env : Values.maps(container.spec(), "env")) {
                String envWhere = where + " env " + env.get("name");
                add(references, "Secret", Values.map(env, "valueFrom.secretKeyRef"), "name", envWhere);
                add(references, "ConfigMap", Values.map(env, "valueFrom.configMapKeyRef"), "name", envWhere);
            }
            for (Map<String, Object> envFrom : Values.maps(container.spec(), "envFrom")) {
                add(references, "Secret", Values.map(envFrom, "secretRef"), "name", where + " envFrom");
                add(references, "ConfigMap", Values.map(envFrom, "configMapRef"), "name", where + " envFrom");
            }
        });
        return references;
    }

    private static void add(List<ConfigReference> into, String kind, Map<String, Object> source, String nameField,
                            String where) {
        String name = Values.string(source, nameField);
        if (name != null && !Values.isTrue(source, "optional")) {
            into.add(new ConfigReference(kind, name, where));
        }
    }
}
