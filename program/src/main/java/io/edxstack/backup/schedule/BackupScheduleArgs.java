package io.edxstack.backup.schedule;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.edxstack.config.PlatformSpec;
import io.edxstack.config.StackConfig;

import java.util.List;

/**
 * @param platform  the platform whose databases are backed up or restored
 * @param stack     the stack's settings (role, region, backup bucket)
 * @param namespace the platform's namespace (an output, so the jobs wait for it)
 * @param databases the platform's databases
 * @param storage   the stack's backup storage (S3 keys)
 * @param secrets   the platform's Secrets this stack writes (database passwords): the jobs mount them, so wait
 */
public record BackupScheduleArgs(PlatformSpec platform, StackConfig stack, Output<String> namespace,
                                 List<DatabaseTarget> databases, BackupStorage storage, List<Resource> secrets) {
    public BackupScheduleArgs {
        databases = List.copyOf(databases);
        secrets = List.copyOf(secrets);
    }
}
