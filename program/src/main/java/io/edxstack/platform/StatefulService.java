package io.edxstack.platform;

import com.pulumi.core.Either;
import com.pulumi.kubernetes.apps.v1.StatefulSet;
import com.pulumi.kubernetes.apps.v1.StatefulSetArgs;
import com.pulumi.kubernetes.apps.v1.inputs.StatefulSetPersistentVolumeClaimRetentionPolicyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.StatefulSetSpecArgs;
import com.pulumi.kubernetes.apps.v1.inputs.StatefulSetUpdateStrategyArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.edxstack.storage.CinderStorage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A single-replica StatefulSet on a retained Cinder volume, with its Service. The data outlives every
 * mistake the stack can make: the StatefulSet is protected, its claims are retained when it is deleted
 * or scaled down, and the storage class retains the Cinder volume when a claim is deleted.
 */
final class StatefulService {
    static final String DATA_VOLUME = "data";

    private StatefulService() {
    }

    static StatefulSet create(PlatformScope scope, DataService service, List<? extends Resource> dependsOn) {
        String name = service.name();
        Map<String, String> labels = scope.labels(name, "database");
        Map<String, String> podLabels = new LinkedHashMap<>(labels);
        if (service.exposed()) {
            podLabels.put(PlatformLabels.EXPOSED, "true");
        }
        Map<String, String> selector = PlatformLabels.selector(scope.platform(), name);
        new Service(scope.name(name), ServiceArgs.builder()
                .metadata(scope.metadata(name, labels))
                .spec(ServiceSpecArgs.builder()
                        .type("ClusterIP")
                        .selector(selector)
                        .ports(ServicePortArgs.builder().name(name).port(service.port())
                                .targetPort(Either.ofRight(name)).protocol("TCP").build())
                        .build())
                .build(), scope.options());
        List<VolumeMountArgs> mounts = new ArrayList<>();
        mounts.add(Hardening.mount(DATA_VOLUME, service.dataPath(), false));
        List<VolumeArgs> volumes = new ArrayList<>();
        for (int i = 0; i < service.scratchPaths().size(); i++) {
            volumes.add(Hardening.scratch("scratch-" + i, "256Mi"));
            mounts.add(Hardening.mount("scratch-" + i, service.scratchPaths().get(i), false));
        }
        service.config().ifPresent(config -> {
            volumes.add(VolumeArgs.builder().name("config")
                    .configMap(ConfigMapVolumeSourceArgs.builder().name(config.configMapName()).build()).build());
            mounts.add(Hardening.mount("config", config.mountPath(), true));
        });
        var container = ContainerArgs.builder()
                .name(name)
                .image(service.image())
                .imagePullPolicy("IfNotPresent")
                .env(service.env())
                .ports(ContainerPortArgs.builder().name(name).containerPort(service.port()).protocol("TCP").build())
                .volumeMounts(mounts)
                .securityContext(Hardening.container(true))
                .resources(Hardening.resources(ContainerSizes.of(scope.spec(), name)))
                .startupProbe(service.startup())
                .readinessProbe(service.readiness())
                .livenessProbe(service.liveness());
        if (!service.command().isEmpty()) {
            container.command(service.command());
        }
        if (!service.args().isEmpty()) {
            container.args(service.args());
        }
        var pod = PodSpecArgs.builder()
                .securityContext(Hardening.pod(service.uid()))
                .automountServiceAccountToken(false)
                .enableServiceLinks(false)
                .terminationGracePeriodSeconds(120)
                .containers(container.build())
                .volumes(volumes);
        if (!service.prepare().isEmpty()) {
            pod.initContainers(ContainerArgs.builder()
                    .name("prepare")
                    .image(service.image())
                    .imagePullPolicy("IfNotPresent")
                    .command(service.prepare())
                    // The literal settings only: the preparing step gets no secret.
                    .env(service.env().stream().filter(e -> e.value().isPresent()).toList())
                    .volumeMounts(mounts)
                    .securityContext(Hardening.container(true))
                    .resources(Hardening.resources(ContainerSizes.of(scope.spec(), name)))
                    .build());
        }
        var spec = StatefulSetSpecArgs.builder()
                .serviceName(name)
                // Restores land here on a standby stack too: data services run in both roles.
                .replicas(1)
                .podManagementPolicy("OrderedReady")
                .updateStrategy(StatefulSetUpdateStrategyArgs.builder().type("RollingUpdate").build())
                .persistentVolumeClaimRetentionPolicy(StatefulSetPersistentVolumeClaimRetentionPolicyArgs.builder()
                        .whenDeleted("Retain").whenScaled("Retain").build())
                .selector(LabelSelectorArgs.builder().matchLabels(selector).build())
                .template(PodTemplateSpecArgs.builder()
                        .metadata(ObjectMetaArgs.builder().labels(podLabels).build())
                        .spec(pod.build())
                        .build())
                .volumeClaimTemplates(PersistentVolumeClaimArgs.builder()
                        .metadata(ObjectMetaArgs.builder().name(DATA_VOLUME).labels(labels).build())
                        .spec(PersistentVolumeClaimSpecArgs.builder()
                                .storageClassName(CinderStorage.RETAIN_CLASS)
                                .accessModes("ReadWriteOnce")
                                .resources(ResourceRequirementsArgs.builder()
                                        .requests(Map.of("storage", service.storage()))
                                        .build())
                                .build())
                        .build());
        return new StatefulSet(scope.name(name), StatefulSetArgs.builder()
                .metadata(scope.metadata(name, labels))
                .spec(spec.build())
                .build(), CustomResourceOptions.builder()
                .parent(scope.parent())
                .protect(true)
                .dependsOn(List.copyOf(dependsOn))
                .build());
    }
}
