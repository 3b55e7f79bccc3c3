package io.edxstack.backup;

import java.time.Duration;

/** Everything one backup run needs, validated by the command before the run starts. */
public record BackupRequest(
        BackupKeys keys,
        String databaseName,
        ToolInvocation dump,
        String region,
        String stackRole,
        PipelineTuning tuning,
        Duration progressInterval) {
}
