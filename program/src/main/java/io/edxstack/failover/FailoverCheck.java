package io.edxstack.failover;

import io.edxstack.backup.BackupStore;
import io.edxstack.backup.contract.BucketLayout;
import io.edxstack.backup.contract.DatabaseKind;
import io.edxstack.backup.S3BackupCatalogue;
import io.edxstack.backup.S3Settings;
import io.edxstack.config.PlatformSpec;
import io.edxstack.config.StackInputs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Before a promotion: how much would be lost. Reads only the backup bucket (in the DR region), never the
 * primary's cluster or API, so it answers when the primary region is gone.
 */
public final class FailoverCheck {
    private static final String PREFIX = BucketLayout.DEFAULT_PREFIX;

    private FailoverCheck() {
    }

    /** The stack's platforms and both their databases, against the stack's RPO. */
    public static BackupFreshnessReport run(StackInputs inputs, S3Settings settings, Clock clock) {
        List<PlatformDatabase> databases = new ArrayList<>();
        for (PlatformSpec platform : inputs.platforms()) {
            for (DatabaseKind kind : DatabaseKind.values()) {
                databases.add(new PlatformDatabase(platform.name(), kind));
            }
        }
        try (BackupStore store = BackupStore.open(settings, 1)) {
            return BackupFreshness.check(new S3BackupCatalogue(store, settings.prefix()), databases,
                    inputs.config().backup().rpo(), clock);
        }
    }

    /** Where a stack's backups are, from its config; the keys come from the operator's environment. */
    public static S3Settings settings(StackInputs inputs, String accessKeyId, String secretKey) {
        var backup = inputs.config().backup();
        return new S3Settings(java.net.URI.create(backup.s3Endpoint()), backup.s3Region(), backup.bucket(), PREFIX,
                accessKeyId, secretKey, 4);
    }
}
