package io.edxstack.backup.cli;

import io.edxstack.backup.contract.AgentEnv;
import io.edxstack.backup.AgentLog;
import io.edxstack.backup.BackupAgent;
import io.edxstack.backup.BackupCopy;
import io.edxstack.backup.BackupException;
import io.edxstack.backup.BackupKeys;
import io.edxstack.backup.BackupManifest;
import io.edxstack.backup.BackupRequest;
import io.edxstack.backup.BackupStore;
import io.edxstack.backup.CredentialsPipe;
import io.edxstack.backup.contract.DatabaseKind;
import io.edxstack.backup.MongoConnection;
import io.edxstack.backup.MongoTools;
import io.edxstack.backup.MysqlConnection;
import io.edxstack.backup.MysqlTools;
import io.edxstack.backup.PipelineTuning;
import io.edxstack.backup.S3Settings;
import io.edxstack.backup.contract.StackRole;
import io.edxstack.backup.StorageException;
import io.edxstack.backup.BackupSettingsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

import static io.edxstack.backup.cli.S3Options.required;

/** {@code backup mysql|mongodb}: what the backup CronJobs run. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Dump a platform's database, compress it with zstd and stream it to S3 as one object, "
                + "then write its manifest.")
public final class BackupCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "mysql|mongodb", converter = BackupKindConverter.class,
            description = "database to back up")
    DatabaseKind kind;

    @Mixin
    BackupPlatformOptions platform;

    @Mixin
    S3Options s3;

    @Mixin
    BackupDatabaseOptions databases;

    @Mixin
    S3CopyOptions copy;

    @Option(names = "--region", defaultValue = "${env:" + AgentEnv.REGION + "}",
            description = "region writing the backup, recorded in the manifest (env " + AgentEnv.REGION + ")")
    String region;

    @Option(names = "--stack-role", defaultValue = "${env:" + AgentEnv.STACK_ROLE + "}",
            description = "active|standby, recorded in the manifest (env " + AgentEnv.STACK_ROLE + ")")
    String stackRole;

    @Option(names = "--dump-tool", defaultValue = "${env:" + AgentEnv.DUMP_TOOL + "}",
            description = "dump tool to run (env " + AgentEnv.DUMP_TOOL + "; default mariadb-dump or mongodump)")
    String dumpTool;

    @Option(names = "--part-size", defaultValue = "${env:" + AgentEnv.PART_SIZE + ":-16MiB}",
            converter = BackupSizeConverter.class,
            description = "multipart part size (env " + AgentEnv.PART_SIZE + ", default ${DEFAULT-VALUE})")
    int partSize;

    @Option(names = "--concurrency", defaultValue = "${env:" + AgentEnv.UPLOAD_CONCURRENCY + ":-3}",
            description = "parts uploaded at once (env " + AgentEnv.UPLOAD_CONCURRENCY + ", default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--zstd-level", defaultValue = "${env:" + AgentEnv.ZSTD_LEVEL + ":-1}",
            description = "zstd level (env " + AgentEnv.ZSTD_LEVEL + ", default ${DEFAULT-VALUE})")
    int zstdLevel;

    @Option(names = "--zstd-workers", defaultValue = "${env:" + AgentEnv.ZSTD_WORKERS + ":-1}",
            description = "zstd compression threads (env " + AgentEnv.ZSTD_WORKERS + ", default ${DEFAULT-VALUE})")
    int zstdWorkers;

    @Override
    public Integer call() {
        String platformName = platform.platform();
        String writingRegion = required(region, "writing region", "--region", AgentEnv.REGION);
        String role = StackRole.parse(stackRole).map(StackRole::label).orElseThrow(() -> new BackupSettingsException(
                "stack role '" + (stackRole == null ? "" : stackRole) + "' (--stack-role, " + AgentEnv.STACK_ROLE + ") is "
                        + "neither active nor standby, perhaps active"));
        PipelineTuning tuning = new PipelineTuning(partSize, concurrency, zstdLevel, zstdWorkers);
        S3Settings settings = s3.settings();
        Optional<S3Settings> copySettings = copy.settings(settings);
        BackupKeys keys = new BackupKeys(settings.prefix(), platformName, kind);
        AgentLog log = AgentLog.stderr();
        try (BackupStore store = BackupStore.open(settings, concurrency)) {
            BackupAgent agent = new BackupAgent(store, Clock.systemUTC(), log);
            BackupManifest manifest = kind == DatabaseKind.MYSQL
                    ? backupMysql(agent, keys, writingRegion, role, tuning)
                    : backupMongo(agent, keys, writingRegion, role, tuning);
            System.out.println(manifest.backupId() + " s3://" + settings.bucket() + "/" + manifest.objectKey() + " "
                    + manifest.size() + " bytes sha256 " + manifest.sha256());
            if (copySettings.isPresent()) {
                copyTo(copySettings.get(), store, manifest, keys, tuning, log);
            }
        }
        return 0;
    }

    /** The backup itself is complete whatever happens here; a failed copy still fails the run, so it is seen. */
    private static void copyTo(S3Settings copySettings, BackupStore store, BackupManifest manifest, BackupKeys keys,
                               PipelineTuning tuning, AgentLog log) {
        try (BackupStore copyStore = BackupStore.open(copySettings, tuning.concurrency())) {
            new BackupCopy(store, copyStore, log).copy(manifest, keys, tuning);
            System.out.println(manifest.backupId() + " s3://" + copySettings.bucket() + "/" + manifest.objectKey()
                    + " (copy)");
        } catch (BackupException e) {
            throw new StorageException("backup " + manifest.backupId() + " is complete in s3://" + store.bucket()
                    + ", but its copy to s3://" + copySettings.bucket() + " at " + copySettings.endpoint()
                    + " failed: " + e.getMessage(), 0, e);
        }
    }

    private BackupManifest backupMysql(BackupAgent agent, BackupKeys keys, String writingRegion, String role,
                                       PipelineTuning tuning) {
        MysqlConnection db = databases.mysql();
        String tool = dumpTool == null || dumpTool.isBlank() ? MysqlTools.DEFAULT_DUMP_TOOL : dumpTool;
        return agent.run(new BackupRequest(keys, db.database(), MysqlTools.dump(db, tool), writingRegion, role,
                tuning, platform.progressInterval));
    }

    private BackupManifest backupMongo(BackupAgent agent, BackupKeys keys, String writingRegion, String role,
                                       PipelineTuning tuning) {
        MongoConnection db = databases.mongo();
        String tool = dumpTool == null || dumpTool.isBlank() ? MongoTools.DEFAULT_DUMP_TOOL : dumpTool;
        try (CredentialsPipe credentials = CredentialsPipe.serve(MongoTools.credentialsYaml(db), "mongodump.yaml")) {
            return agent.run(new BackupRequest(keys, db.database(), MongoTools.dump(db, tool, credentials.path()),
                    writingRegion, role, tuning, platform.progressInterval));
        }
    }
}
