package io.edxstack.backup.schedule;

import io.edxstack.backup.contract.AgentEnv;
import io.edxstack.backup.contract.AgentLabels;
import io.edxstack.backup.contract.DatabaseKind;
import io.edxstack.backup.contract.StackRole;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.batch.v1.CronJob;
import com.pulumi.kubernetes.batch.v1.CronJobArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.edxstack.platform.PlatformLabels;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A platform's database backups, by role: on the active stack a backup CronJob per database and a daily
 * prune; on the standby stack a restore CronJob per database pulling the newest complete backup. A
 * promotion (role change) swaps one set for the other in the same deployment.
 */
public final class BackupSchedule extends ComponentResource {
    public static final String TYPE = "edxstack:backup:BackupSchedule";
    public static final String BACKUP_LABEL = AgentLabels.BACKUP;
    public static final String RESTORE_LABEL = AgentLabels.RESTORE;

    private final List<CronJob> cronJobs = new ArrayList<>();

    public BackupSchedule(String name, BackupScheduleArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var platform = args.platform();
        var children = CustomResourceOptions.builder().parent(this).build();
        var s3Secret = new Secret(platform.name() + "-backup-s3", SecretArgs.builder()
                .metadata(metadata(AgentJob.S3_SECRET, args, PlatformLabels.of(platform.name(), AgentLabels.APP_NAME)))
                .type("Opaque")
                .stringData(Output.all(args.storage().accessKey(), args.storage().secretKey())
                        .applyValue(keys -> Map.of("access-key", keys.get(0), "secret-key", keys.get(1))))
                .build(), children);
        List<Resource> mounted = new ArrayList<>(args.secrets());
        mounted.add(s3Secret);
        var afterSecret = CustomResourceOptions.builder().parent(this).dependsOn(mounted).build();
        boolean active = args.stack().isActive();
        for (DatabaseTarget database : args.databases()) {
            String verb = active ? "backup" : "restore";
            List<String> command = active
                    ? List.of("backup", database.kind().label())
                    : List.of("restore", database.kind().label(), "--backup", "latest");
            var labels = PlatformLabels.of(platform.name(), AgentLabels.APP_NAME);
            labels.put(active ? BACKUP_LABEL : RESTORE_LABEL, database.kind().label());
            cronJobs.add(new CronJob(platform.name() + "-" + verb + "-" + database.kind(), CronJobArgs.builder()
                    .metadata(metadata(verb + "-" + database.kind(), args, labels))
                    .spec(AgentJob.spec(new AgentJob.Run(
                            active ? platform.backup().backup() : platform.backup().restore(),
                            command, active ? withCopy(env(args, List.of(database)), args) : env(args, List.of(database)),
                            List.of(database), labels,
                            args.stack().backup().agentImage())))
                    .build(), afterSecret));
        }
        if (active) {
            var labels = PlatformLabels.of(platform.name(), AgentLabels.APP_NAME);
            cronJobs.add(new CronJob(platform.name() + "-prune-backups", CronJobArgs.builder()
                    .metadata(metadata("prune-backups", args, labels))
                    .spec(AgentJob.spec(new AgentJob.Run(platform.backup().prune(), List.of("backups", "prune"),
                            withCopy(env(args, List.of()), args), List.of(), labels,
                            args.stack().backup().agentImage())))
                    .build(), afterSecret));
        }
        registerOutputs(Map.of("cronJobs", Output.of(cronJobs.size())));
    }

    /** The agent reads flags from these variables (docs/backup-agent.md); secrets only by reference. */
    private static List<EnvVarArgs> env(BackupScheduleArgs args, List<DatabaseTarget> databases) {
        var stack = args.stack();
        var backup = stack.backup();
        List<EnvVarArgs> env = new ArrayList<>(List.of(
                AgentJob.env(AgentEnv.PLATFORM, args.platform().name()),
                AgentJob.env(AgentEnv.REGION, stack.region()),
                AgentJob.env(AgentEnv.STACK_ROLE, (stack.isActive() ? StackRole.ACTIVE : StackRole.STANDBY).label()),
                AgentJob.env(AgentEnv.S3_ENDPOINT, backup.s3Endpoint()),
                AgentJob.env(AgentEnv.S3_REGION, backup.s3Region()),
                AgentJob.env(AgentEnv.S3_BUCKET, backup.bucket()),
                AgentJob.fromSecret(AgentEnv.AWS_ACCESS_KEY_ID, AgentJob.S3_SECRET, "access-key"),
                AgentJob.fromSecret(AgentEnv.AWS_SECRET_ACCESS_KEY, AgentJob.S3_SECRET, "secret-key")));
        for (DatabaseTarget database : databases) {
            String passwordFile = AgentJob.PASSWORD_DIR + "/" + database.kind() + "/" + database.passwordKey();
            String user = AgentEnv.user(database.kind());
            env.add(database.user().map(name -> AgentJob.env(user, name))
                    .orElseGet(() -> AgentJob.fromSecret(user, database.passwordSecret(), DatabaseTarget.USERNAME_KEY)));
            if (database.kind() == DatabaseKind.MONGODB) {
                // $(VAR) is expanded by Kubernetes from the variable above, so the account can come from a Secret.
                env.add(AgentJob.env(AgentEnv.MONGODB_URI, "mongodb://$(" + user + ")@" + database.host() + ":"
                        + database.port() + "/?authSource=admin"));
            } else {
                env.add(AgentJob.env(AgentEnv.MYSQL_HOST, database.host()));
                env.add(AgentJob.env(AgentEnv.MYSQL_PORT, Integer.toString(database.port())));
            }
            env.add(AgentJob.env(AgentEnv.passwordFile(database.kind()), passwordFile));
            env.add(AgentJob.env(AgentEnv.database(database.kind()), database.database()));
        }
        return env;
    }

    /** On the active stack, backup and prune also write and prune the optional copy. */
    private static List<EnvVarArgs> withCopy(List<EnvVarArgs> env, BackupScheduleArgs args) {
        args.stack().backup().copy().ifPresent(copy -> {
            env.add(AgentJob.env(AgentEnv.COPY_S3_ENDPOINT, copy.s3Endpoint()));
            env.add(AgentJob.env(AgentEnv.COPY_S3_REGION, copy.s3Region()));
            env.add(AgentJob.env(AgentEnv.COPY_S3_BUCKET, copy.bucket()));
        });
        return env;
    }

    private static ObjectMetaArgs metadata(String name, BackupScheduleArgs args, Map<String, String> labels) {
        return ObjectMetaArgs.builder().name(name).namespace(args.namespace()).labels(labels).build();
    }

    public List<CronJob> cronJobs() {
        return List.copyOf(cronJobs);
    }
}
