package io.edxstack.platform;

import com.pulumi.core.Either;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentStrategyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.RollingUpdateDeploymentArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.Resource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deployments and Services as every stateless part of a platform declares them. */
final class Workloads {
    private Workloads() {
    }

    /**
     * A Deployment that rolls without losing capacity (surge first, nothing unavailable).
     *
     * @param replicas empty when a HorizontalPodAutoscaler owns the count: stating it here would reset
     *                 the autoscaler's choice on every update
     */
    static Deployment deployment(PlatformScope scope, String name, String component, Optional<Integer> replicas,
                                 boolean exposed, PodSpecArgs.Builder pod, List<? extends Resource> dependsOn) {
        Map<String, String> podLabels = new LinkedHashMap<>(scope.labels(name, component));
        if (exposed) {
            podLabels.put(PlatformLabels.EXPOSED, "true");
        }
        Map<String, String> selector = PlatformLabels.selector(scope.platform(), name);
        var spec = DeploymentSpecArgs.builder()
                .selector(LabelSelectorArgs.builder().matchLabels(selector).build())
                .revisionHistoryLimit(5)
                .strategy(DeploymentStrategyArgs.builder()
                        .type("RollingUpdate")
                        .rollingUpdate(RollingUpdateDeploymentArgs.builder()
                                .maxSurge(Either.ofRight("25%"))
                                .maxUnavailable(Either.ofLeft(0))
                                .build())
                        .build())
                .template(PodTemplateSpecArgs.builder()
                        .metadata(ObjectMetaArgs.builder().labels(podLabels).build())
                        .spec(pod.topologySpreadConstraints(List.of(Hardening.spreadAcrossNodes(selector))).build())
                        .build());
        replicas.ifPresent(spec::replicas);
        return new Deployment(scope.name(name), DeploymentArgs.builder()
                .metadata(scope.metadata(name, scope.labels(name, component)))
                .spec(spec.build())
                .build(), scope.options(dependsOn));
    }

    /** A ClusterIP Service in front of a workload, one named port. */
    static Service service(PlatformScope scope, String name, String component, int port, String targetPort) {
        return new Service(scope.name(name), ServiceArgs.builder()
                .metadata(scope.metadata(name, scope.labels(name, component)))
                .spec(ServiceSpecArgs.builder()
                        .type("ClusterIP")
                        .selector(PlatformLabels.selector(scope.platform(), name))
                        .ports(ServicePortArgs.builder().name(targetPort).port(port)
                                .targetPort(Either.ofRight(targetPort)).protocol("TCP").build())
                        .build())
                .build(), scope.options());
    }
}
