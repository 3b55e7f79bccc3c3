package io.edxstack.policies.rules.state;

import io.edxstack.platform.PlatformLabels;
import io.edxstack.policies.kube.KubeObject;
import io.edxstack.policies.kube.StateView;
import io.edxstack.policies.kube.Values;
import io.edxstack.state.ResourceState;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which databases each platform uses, read from two places: its data StatefulSets (label
 * {@code app.kubernetes.io/name: mysql|mongodb}) when the platform runs its own databases, and the
 * namespace annotation {@value #EXTERNAL_DATABASES} ({@code "mysql,mongodb"}) when it uses external ones.
 * Both count: an external database still needs backups.
 */
final class PlatformDatabases {

    static final String EXTERNAL_DATABASES = PlatformLabels.EXTERNAL_DATABASES;
    static final Set<String> ENGINES = Set.of("mysql", "mongodb");

    private PlatformDatabases() {
    }

    /** Platform name to the database engines it uses, both sorted. */
    static Map<String, Set<String>> of(StateView state) {
        Map<String, Set<String>> databases = new TreeMap<>();
        state.ofKind("StatefulSet").forEach(statefulSet -> {
            String engine = KubeObject.labels(statefulSet).get(KubeObject.COMPONENT_LABEL);
            String platform = KubeObject.platform(statefulSet);
            if (platform != null && engine != null && ENGINES.contains(engine)) {
                databases.computeIfAbsent(platform, key -> new TreeSet<>()).add(engine);
            }
        });
        state.platformNamespaces().forEach(namespace -> {
            for (String engine : Values.commaList(KubeObject.annotations(namespace).get(EXTERNAL_DATABASES))) {
                databases.computeIfAbsent(KubeObject.platform(namespace), key -> new TreeSet<>()).add(engine);
            }
        });
        return databases;
    }

    /** The platform's namespace resource (where a missing CronJob is reported), or any resource of it. */
    static ResourceState anchor(StateView state, String platform) {
        return state.platformNamespaces()
                .filter(namespace -> platform.equals(KubeObject.platform(namespace)))
                .findFirst()
                .or(() -> state.resources().stream()
                        .filter(resource -> platform.equals(KubeObject.platform(resource))).findFirst())
                .orElseThrow();
    }
}
