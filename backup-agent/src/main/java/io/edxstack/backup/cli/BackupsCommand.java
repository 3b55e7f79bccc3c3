package io.edxstack.backup.cli;

import io.edxstack.backup.contract.AgentEnv;
import io.edxstack.backup.AgentLog;
import io.edxstack.backup.BackupInventory;
import io.edxstack.backup.BackupKeys;
import io.edxstack.backup.BackupManifest;
import io.edxstack.backup.BackupSettingsException;
import io.edxstack.backup.BackupStore;
import io.edxstack.backup.BackupVerifier;
import io.edxstack.backup.contract.DatabaseKind;
import io.edxstack.backup.PrunePlan;
import io.edxstack.backup.Pruner;
import io.edxstack.backup.RetentionPlanner;
import io.edxstack.backup.RetentionPolicy;
import io.edxstack.backup.S3BackupCatalogue;
import io.edxstack.backup.S3Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code backups list|verify|prune}: the catalogue of complete backups, and its upkeep. */
@Command(name = "backups", mixinStandardHelpOptions = true,
        description = "List, verify and prune a platform's backups.",
        subcommands = {BackupsCommand.ListBackups.class, BackupsCommand.VerifyBackup.class,
                BackupsCommand.PruneBackups.class})
public final class BackupsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required, perhaps 'backups list "
                + "--platform NAME'");
    }

    /** Options every catalogue command takes. */
    static final class Scope {
        @Mixin
        BackupPlatformOptions platform;

        @Mixin
        S3Options s3;

        @Option(names = "--database", paramLabel = "mysql|mongodb", converter = BackupKindConverter.class,
                description = "only this database kind (default: both)")
        DatabaseKind kind;

        List<DatabaseKind> kinds() {
            return kind == null ? List.of(DatabaseKind.values()) : List.of(kind);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Complete backups (those with a manifest), newest first.")
    static final class ListBackups implements Callable<Integer> {
        @Mixin
        Scope scope;

        @Override
        public Integer call() {
            S3Settings settings = scope.s3.settings();
            try (BackupStore store = BackupStore.open(settings, 1)) {
                S3BackupCatalogue catalogue = new S3BackupCatalogue(store, settings.prefix());
                System.out.printf("%-24s %-8s %-20s %12s  %-12s %s%n", "ID", "DATABASE", "STARTED", "SIZE", "SHA256",
                        "REGION");
                for (DatabaseKind kind : scope.kinds()) {
                    for (BackupManifest backup : catalogue.completeBackups(scope.platform.platform(), kind)) {
                        System.out.printf("%-24s %-8s %-20s %12d  %-12s %s%n", backup.backupId(), kind,
                                backup.startedAt().toString(), backup.size(), backup.sha256().substring(0, 12),
                                backup.region());
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Re-read a backup and compare its size and SHA-256 with its manifest; exit 1 on mismatch.")
    static final class VerifyBackup implements Callable<Integer> {
        @Mixin
        Scope scope;

        @Option(names = "--backup", paramLabel = "ID|latest", defaultValue = "latest",
                description = "backup to verify (default: the newest of each database kind)")
        String backup;

        @Option(names = "--all", description = "verify every complete backup; each is reported, exit 1 if any fails")
        boolean all;

        @Override
        public Integer call() {
            S3Settings settings = scope.s3.settings();
            try (BackupStore store = BackupStore.open(settings, 1)) {
                S3BackupCatalogue catalogue = new S3BackupCatalogue(store, settings.prefix());
                if (all) {
                    return verifyAll(store, catalogue);
                }
                List<BackupManifest> chosen = chosen(catalogue);
                for (BackupManifest manifest : chosen) {
                    new BackupVerifier(store).verify(manifest);
                    System.out.println(verified(manifest));
                }
            }
            return 0;
        }

        private Integer verifyAll(BackupStore store, S3BackupCatalogue catalogue) {
            List<String> failed = new java.util.ArrayList<>();
            int count = 0;
            for (DatabaseKind kind : scope.kinds()) {
                for (BackupManifest manifest : catalogue.completeBackups(scope.platform.platform(), kind)) {
                    count++;
                    try {
                        new BackupVerifier(store).verify(manifest);
                        System.out.println(verified(manifest));
                    } catch (io.edxstack.backup.BackupException e) {
                        System.out.println("FAILED   " + manifest.backupId() + " (" + kind + "): " + e.getMessage());
                        failed.add(manifest.backupId());
                    }
                }
            }
            if (count == 0) {
                throw new BackupSettingsException("platform " + scope.platform.platform() + " has no complete backup "
                        + "to verify, perhaps check --platform and --s3-prefix");
            }
            if (!failed.isEmpty()) {
                throw new io.edxstack.backup.ChecksumMismatchException(failed.size() + " of " + count
                        + " backups failed verification: " + String.join(", ", failed));
            }
            return 0;
        }

        private static String verified(BackupManifest manifest) {
            return "verified " + manifest.backupId() + " (" + manifest.databaseKind() + "): " + manifest.size()
                    + " bytes, sha256 " + manifest.sha256();
        }

        private List<BackupManifest> chosen(S3BackupCatalogue catalogue) {
            String platform = scope.platform.platform();
            if (S3BackupCatalogue.LATEST.equals(backup)) {
                List<BackupManifest> newest = scope.kinds().stream()
                        .flatMap(kind -> catalogue.completeBackups(platform, kind).stream().limit(1))
                        .toList();
                if (newest.isEmpty()) {
                    throw new BackupSettingsException("platform " + platform + " has no complete backup to verify, "
                            + "perhaps check --platform and --s3-prefix");
                }
                return newest;
            }
            return scope.kinds().stream()
                    .flatMap(kind -> catalogue.completeBackups(platform, kind).stream())
                    .filter(manifest -> manifest.backupId().equals(backup))
                    .findFirst()
                    .map(List::of)
                    .orElseThrow(() -> new BackupSettingsException("no complete backup " + backup + " of platform "
                            + platform + ", perhaps pick one from 'backups list'"));
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = "Delete expired backups, incomplete leftovers and stale multipart uploads.")
    static final class PruneBackups implements Callable<Integer> {
        @Mixin
        Scope scope;

        @Option(names = "--keep-daily", defaultValue = "${env:" + AgentEnv.KEEP_DAILY + ":-7}",
                description = "newest backup of each of the last N days with backups (default ${DEFAULT-VALUE})")
        int keepDaily;

        @Option(names = "--keep-weekly", defaultValue = "${env:" + AgentEnv.KEEP_WEEKLY + ":-4}",
                description = "newest backup of each of the last N ISO weeks with backups (default ${DEFAULT-VALUE})")
        int keepWeekly;

        @Option(names = "--min-keep", defaultValue = "${env:" + AgentEnv.MIN_KEEP + ":-3}",
                description = "never keep fewer complete backups than this (default ${DEFAULT-VALUE})")
        int minKeep;

        @Option(names = "--grace", defaultValue = "${env:" + AgentEnv.PRUNE_GRACE + ":-24h}",
                converter = BackupDurationConverter.class,
                description = "age before incomplete leftovers and multipart uploads are removed; longer than the "
                        + "longest backup run (default ${DEFAULT-VALUE})")
        Duration grace;

        @Option(names = "--dry-run", description = "print the plan, change nothing")
        boolean dryRun;

        @Mixin
        S3CopyOptions copy;

        @Override
        public Integer call() {
            RetentionPolicy policy = new RetentionPolicy(keepDaily, keepWeekly, minKeep, grace);
            S3Settings settings = scope.s3.settings();
            Optional<S3Settings> copySettings = copy.settings(settings);
            prune(settings, policy, "");
            // The copy keeps the same retention, planned on its own catalogue: a backup whose copy failed is
            // simply not there.
            copySettings.ifPresent(c -> prune(c, policy, "copy "));
            return 0;
        }

        private void prune(S3Settings settings, RetentionPolicy policy, String label) {
            String platform = scope.platform.platform();
            AgentLog log = AgentLog.stderr();
            try (BackupStore store = BackupStore.open(settings, 1)) {
                S3BackupCatalogue catalogue = new S3BackupCatalogue(store, settings.prefix());
                for (DatabaseKind kind : scope.kinds()) {
                    BackupInventory inventory = catalogue.inventory(platform, kind);
                    PrunePlan plan = RetentionPlanner.plan(inventory, policy, Clock.systemUTC());
                    print(label + kind, plan);
                    if (!dryRun) {
                        new Pruner(store, log).apply(plan, new BackupKeys(settings.prefix(), platform, kind));
                    }
                }
            }
        }

        private void print(String kind, PrunePlan plan) {
            String verb = dryRun ? "would " : "";
            plan.kept().forEach(k -> System.out.println(kind + " keep   " + k.backup().backupId() + "  " + k.reason()));
            plan.expired().forEach(b -> System.out.println(kind + " " + verb + "delete " + b.backupId() + "  expired"));
            plan.leftovers().forEach(o -> System.out.println(kind + " " + verb + "delete " + o.key()
                    + "  incomplete since " + o.lastModified()));
            plan.staleUploads().forEach(u -> System.out.println(kind + " " + verb + "abort  upload of " + u.key()
                    + "  started " + u.initiated()));
        }
    }
}
