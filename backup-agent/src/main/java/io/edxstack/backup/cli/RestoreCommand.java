package io.edxstack.backup.cli;

import io.edxstack.backup.contract.AgentEnv;
import io.edxstack.backup.AgentLog;
import io.edxstack.backup.BackupManifest;
import io.edxstack.backup.BackupSettingsException;
import io.edxstack.backup.BackupStore;
import io.edxstack.backup.contract.DatabaseKind;
import io.edxstack.backup.MongoRestore;
import io.edxstack.backup.MongoTools;
import io.edxstack.backup.MysqlRestore;
import io.edxstack.backup.MysqlTools;
import io.edxstack.backup.RestoreGuard;
import io.edxstack.backup.S3BackupCatalogue;
import io.edxstack.backup.S3Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code restore mysql|mongodb}: loads a verified backup into a standby platform. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Stream a complete backup from S3, check its SHA-256 on the way, load it into staging and "
                + "swap it into place only when it matched. Refused on an active stack unless --force.")
public final class RestoreCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "mysql|mongodb", converter = BackupKindConverter.class,
            description = "database to restore")
    DatabaseKind kind;

    @Mixin
    BackupPlatformOptions platform;

    @Mixin
    S3Options s3;

    @Mixin
    BackupDatabaseOptions databases;

    @Option(names = "--backup", paramLabel = "ID|latest", defaultValue = "latest",
            description = "backup to restore (default: the newest complete one)")
    String backup;

    @Option(names = "--stack-role", defaultValue = "${env:" + AgentEnv.STACK_ROLE + "}",
            description = "active|standby (env " + AgentEnv.STACK_ROLE + "); restores run on standby only")
    String stackRole;

    @Option(names = "--force", description = "restore even though the stack is active or its role unknown")
    boolean force;

    @Option(names = "--load-tool", defaultValue = "${env:" + AgentEnv.LOAD_TOOL + "}",
            description = "load tool to run (env " + AgentEnv.LOAD_TOOL + "; default mariadb or mongorestore)")
    String loadTool;

    @Option(names = "--load-sessions", defaultValue = "${env:" + AgentEnv.LOAD_SESSIONS + ":-2}", paramLabel = "N",
            description = "MariaDB client sessions loading a MySQL dump at once (env " + AgentEnv.LOAD_SESSIONS + ", "
                    + "default 2; 1 loads through a single client)")
    int loadSessions;

    @Override
    public Integer call() {
        if (loadSessions < 1 || loadSessions > 16) {
            throw new BackupSettingsException("--load-sessions (" + AgentEnv.LOAD_SESSIONS + ") must be between 1 and 16, not "
                    + loadSessions);
        }
        String platformName = platform.platform();
        AgentLog log = AgentLog.stderr();
        RestoreGuard.check(stackRole, force, platformName).ifPresent(log::info);
        S3Settings settings = s3.settings();
        try (BackupStore store = BackupStore.open(settings, 1)) {
            BackupManifest manifest = new S3BackupCatalogue(store, settings.prefix())
                    .find(platformName, kind, backup, log);
            if (kind == DatabaseKind.MYSQL) {
                new MysqlRestore(store, log, platform.progressInterval).run(manifest, databases.mysql(),
                        tool(MysqlTools.DEFAULT_CLIENT), loadSessions);
            } else {
                new MongoRestore(store, log, platform.progressInterval).run(manifest, databases.mongo(),
                        tool(MongoTools.DEFAULT_RESTORE_TOOL));
            }
            System.out.println("restored " + manifest.backupId() + " (" + kind + ", " + manifest.startedAt()
                    + ", region " + manifest.region() + ") into platform " + platformName);
        }
        return 0;
    }

    private String tool(String fallback) {
        return loadTool == null || loadTool.isBlank() ? fallback : loadTool;
    }
}
