package io.edxstack.platform;

import com.pulumi.core.Either;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscaler;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscalerArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.CrossVersionObjectReferenceArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HPAScalingPolicyArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HPAScalingRulesArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerBehaviorArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricTargetArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.ResourceMetricSourceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import io.edxstack.config.PlatformSpec.Replicas;

import java.util.List;

/**
 * Disruption budgets for the serving Deployments and autoscalers for lms and cms within the catalogue's
 * sizing. No autoscaler on a standby stack: it would raise the warm minimum the stack asks for.
 */
final class Autoscaling {
    /** CPU use (of requests) the autoscaler keeps the pods at. */
    static final int TARGET_CPU_PERCENT = 70;

    private Autoscaling() {
    }

    /**
     * At most one pod of the workload down for a drain: with maxUnavailable (not minAvailable) a
     * single-replica workload never blocks a node upgrade.
     */
    static void disruptionBudget(PlatformScope scope, String name) {
        new PodDisruptionBudget(scope.name(name), PodDisruptionBudgetArgs.builder()
                .metadata(scope.metadata(name, scope.labels(name, "availability")))
                .spec(PodDisruptionBudgetSpecArgs.builder()
                        .maxUnavailable(Either.ofLeft(1))
                        .selector(LabelSelectorArgs.builder()
                                .matchLabels(PlatformLabels.selector(scope.platform(), name)).build())
                        .build())
                .build(), scope.options());
    }

    static void autoscaler(PlatformScope scope, String name, Replicas replicas, Deployment deployment) {
        if (!scope.active() || !replicas.autoscaled()) {
            return;
        }
        new HorizontalPodAutoscaler(scope.name(name), HorizontalPodAutoscalerArgs.builder()
                .metadata(scope.metadata(name, scope.labels(name, "autoscaling")))
                .spec(HorizontalPodAutoscalerSpecArgs.builder()
                        .scaleTargetRef(CrossVersionObjectReferenceArgs.builder()
                                .apiVersion("apps/v1").kind("Deployment").name(name).build())
                        .minReplicas(replicas.minReplicas())
                        .maxReplicas(replicas.maxReplicas())
                        .metrics(MetricSpecArgs.builder()
                                .type("Resource")
                                .resource(ResourceMetricSourceArgs.builder()
                                        .name("cpu")
                                        .target(MetricTargetArgs.builder()
                                                .type("Utilization").averageUtilization(TARGET_CPU_PERCENT).build())
                                        .build())
                                .build())
                        // Scale down slowly: uwsgi workers take a minute to warm up again.
                        .behavior(HorizontalPodAutoscalerBehaviorArgs.builder()
                                .scaleDown(HPAScalingRulesArgs.builder()
                                        .stabilizationWindowSeconds(300)
                                        .policies(HPAScalingPolicyArgs.builder()
                                                .type("Pods").value(1).periodSeconds(120).build())
                                        .build())
                                .build())
                        .build())
                .build(), scope.options(List.of(deployment)));
    }
}
