package io.edxstack.platform;

import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.TopologySpreadConstraintArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import io.edxstack.config.PlatformSpec.ContainerSize;

import java.util.Map;

/**
 * The security and scheduling settings every pod of a platform gets, beyond Tutor: Pod Security
 * "restricted" (the namespace enforces it), requests and limits, and spread across nodes.
 */
final class Hardening {
    private Hardening() {
    }

    /** Non-root with a fixed user, and volumes group-owned by it so the process can write its data. */
    static PodSecurityContextArgs pod(int uid) {
        return PodSecurityContextArgs.builder()
                .runAsNonRoot(true)
                .runAsUser(uid)
                .runAsGroup(uid)
                .fsGroup(uid)
                // Re-owning a large data volume on every start would delay database restarts by minutes.
                .fsGroupChangePolicy("OnRootMismatch")
                .seccompProfile(runtimeDefault())
                .build();
    }

    static SecurityContextArgs container(boolean readOnlyRootFilesystem) {
        return SecurityContextArgs.builder()
                .runAsNonRoot(true)
                .allowPrivilegeEscalation(false)
                .privileged(false)
                .readOnlyRootFilesystem(readOnlyRootFilesystem)
                .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                .seccompProfile(runtimeDefault())
                .build();
    }

    static ResourceRequirementsArgs resources(ContainerSize size) {
        return ResourceRequirementsArgs.builder()
                .requests(Map.of("cpu", size.requests().cpu(), "memory", size.requests().memory()))
                .limits(Map.of("cpu", size.limits().cpu(), "memory", size.limits().memory()))
                .build();
    }

    /**
     * One replica per node where possible. ScheduleAnyway, not DoNotSchedule: with three Magnum nodes, a
     * node drained for an upgrade or lost to auto-healing would otherwise leave new replicas Pending and
     * stall the rollout; the scheduler still spreads whenever it can.
     */
    static TopologySpreadConstraintArgs spreadAcrossNodes(Map<String, String> selector) {
        return TopologySpreadConstraintArgs.builder()
                .maxSkew(1)
                .topologyKey("kubernetes.io/hostname")
                .whenUnsatisfiable("ScheduleAnyway")
                .labelSelector(LabelSelectorArgs.builder().matchLabels(selector).build())
                .build();
    }

    /** Scratch space for a read-only root filesystem; memory-backed size limits would count against limits. */
    static VolumeArgs scratch(String name, String sizeLimit) {
        return VolumeArgs.builder().name(name)
                .emptyDir(EmptyDirVolumeSourceArgs.builder().sizeLimit(sizeLimit).build())
                .build();
    }

    static VolumeMountArgs mount(String volume, String path, boolean readOnly) {
        return VolumeMountArgs.builder().name(volume).mountPath(path).readOnly(readOnly).build();
    }

    private static SeccompProfileArgs runtimeDefault() {
        return SeccompProfileArgs.builder().type("RuntimeDefault").build();
    }
}
