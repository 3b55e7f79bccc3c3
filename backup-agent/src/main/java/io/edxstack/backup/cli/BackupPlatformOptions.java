package io.edxstack.backup.cli;

import io.edxstack.backup.contract.AgentEnv;
import picocli.CommandLine.Option;

import java.time.Duration;

import static io.edxstack.backup.cli.S3Options.required;

/** The platform a command works on, and how often long transfers report progress. */
final class BackupPlatformOptions {
    @Option(names = "--platform", defaultValue = "${env:" + AgentEnv.PLATFORM + "}",
            description = "platform name, e.g. campus (env " + AgentEnv.PLATFORM + ")")
    String platform;

    @Option(names = "--progress-interval", defaultValue = "${env:" + AgentEnv.PROGRESS_INTERVAL + ":-30s}",
            converter = BackupDurationConverter.class,
            description = "how often progress is logged to stderr (env " + AgentEnv.PROGRESS_INTERVAL + ", default "
                    + "${DEFAULT-VALUE})")
    Duration progressInterval;

    String platform() {
        return required(platform, "platform", "--platform", AgentEnv.PLATFORM);
    }
}
