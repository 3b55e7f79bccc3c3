package io.edxstack.backup.schedule;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.batch.v1.inputs.CronJobSpecArgs;
import com.pulumi.kubernetes.batch.v1.inputs.JobSpecArgs;
import com.pulumi.kubernetes.batch.v1.inputs.JobTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretKeySelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CronJob spec every agent run shares: one run at a time, bounded in time, history kept for the
 * operator, and a pod that meets the namespace's restricted Pod Security level.
 */
final class AgentJob {
    /** The agent image's non-root user. */
    static final int AGENT_UID = 10001;
    static final String S3_SECRET = "backup-s3";
    static final String PASSWORD_DIR = "/run/secrets/edxstack";

    private AgentJob() {
    }

    record Run(String schedule, List<String> args, List<EnvVarArgs> env, List<DatabaseTarget> passwords,
               Map<String, String> labels, String image) {
    }

    static CronJobSpecArgs spec(Run run) {
        List<VolumeArgs> volumes = new ArrayList<>();
        List<VolumeMountArgs> mounts = new ArrayList<>();
        volumes.add(VolumeArgs.builder().name("tmp").emptyDir(EmptyDirVolumeSourceArgs.builder().sizeLimit("256Mi").build()).build());
        mounts.add(VolumeMountArgs.builder().name("tmp").mountPath("/tmp").build());
        for (DatabaseTarget database : run.passwords()) {
            // Passwords arrive as files: never in the environment of a process that forks dump tools.
            volumes.add(VolumeArgs.builder().name(database.kind() + "-password")
                    .secret(SecretVolumeSourceArgs.builder().secretName(database.passwordSecret()).defaultMode(0400).build())
                    .build());
            mounts.add(VolumeMountArgs.builder().name(database.kind() + "-password")
                    .mountPath(PASSWORD_DIR + "/" + database.kind()).readOnly(true).build());
        }
        var container = ContainerArgs.builder()
                .name("agent")
                .image(run.image())
                .args(run.args())
                .env(run.env())
                .volumeMounts(mounts)
                .resources(ResourceRequirementsArgs.builder()
                        .requests(Map.of("cpu", "500m", "memory", "384Mi"))
                        .limits(Map.of("cpu", "2", "memory", "768Mi"))
                        .build())
                .securityContext(SecurityContextArgs.builder()
                        .allowPrivilegeEscalation(false)
                        .privileged(false)
                        .readOnlyRootFilesystem(true)
                        .runAsNonRoot(true)
                        .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                        .build())
                .build();
        var pod = PodSpecArgs.builder()
                .restartPolicy("Never")
                .automountServiceAccountToken(false)
                .securityContext(PodSecurityContextArgs.builder()
                        .runAsNonRoot(true)
                        .runAsUser(AGENT_UID)
                        .runAsGroup(AGENT_UID)
                        .fsGroup(AGENT_UID)
                        .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                        .build())
                .containers(container)
                .volumes(volumes)
                .build();
        return CronJobSpecArgs.builder()
                .schedule(run.schedule())
                .timeZone("Etc/UTC")
                // A second run beside a slow one would only compete for the same database and bucket.
                .concurrencyPolicy("Forbid")
                .startingDeadlineSeconds(900)
                .successfulJobsHistoryLimit(3)
                .failedJobsHistoryLimit(5)
                .jobTemplate(JobTemplateSpecArgs.builder()
                        .metadata(ObjectMetaArgs.builder().labels(run.labels()).build())
                        .spec(JobSpecArgs.builder()
                                .backoffLimit(1)
                                .activeDeadlineSeconds(6 * 3600)
                                .template(PodTemplateSpecArgs.builder()
                                        .metadata(ObjectMetaArgs.builder().labels(run.labels()).build())
                                        .spec(pod)
                                        .build())
                                .build())
                        .build())
                .build();
    }

    static EnvVarArgs env(String name, String value) {
        return EnvVarArgs.builder().name(name).value(value).build();
    }

    static EnvVarArgs env(String name, Output<String> value) {
        return EnvVarArgs.builder().name(name).value(value).build();
    }

    static EnvVarArgs fromSecret(String name, String secret, String key) {
        return EnvVarArgs.builder().name(name)
                .valueFrom(EnvVarSourceArgs.builder()
                        .secretKeyRef(SecretKeySelectorArgs.builder().name(secret).key(key).build())
                        .build())
                .build();
    }
}
