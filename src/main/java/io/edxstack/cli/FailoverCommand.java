package io.edxstack.cli;

import io.edxstack.backup.BackupSettingsException;
import io.edxstack.config.StackFiles;
import io.edxstack.config.StackInputs;
import io.edxstack.failover.BackupFreshnessReport;
import io.edxstack.failover.FailoverCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code failover check}: the newest complete backup's age per platform database, against the RPO. */
@Command(name = "failover", mixinStandardHelpOptions = true,
        description = "Failover support; see the runbook in the README.",
        subcommands = {FailoverCommand.Check.class})
public final class FailoverCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required, perhaps 'failover check --stack prod-dr'");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Report the age of the newest complete backup of every platform database of the stack, read "
                    + "from the backup bucket only; exit 1 when one is missing or older than edxstack:backup.rpoMinutes.")
    static final class Check implements Callable<Integer> {
        @Mixin
        StackOptions stack;

        @Option(names = "--s3-access-key-id", defaultValue = "${env:AWS_ACCESS_KEY_ID}",
                description = "S3 access key id of the backup bucket (env AWS_ACCESS_KEY_ID)")
        String accessKeyId;

        @Option(names = "--s3-secret-key-file", defaultValue = "${env:EDXSTACK_S3_SECRET_KEY_FILE}",
                description = "file holding the S3 secret key (env EDXSTACK_S3_SECRET_KEY_FILE); else env AWS_SECRET_ACCESS_KEY")
        Path secretKeyFile;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            StackInputs inputs = StackInputs.load(stack.projectDir(), stack.stack(),
                    StackFiles.read(stack.projectDir(), stack.stack()));
            String secret = BackupSecrets.read(secretKeyFile, "--s3-secret-key-file", "AWS_SECRET_ACCESS_KEY");
            if (secret == null || secret.isBlank()) {
                throw BackupSettingsException.missing("S3 secret key", "--s3-secret-key-file", "AWS_SECRET_ACCESS_KEY");
            }
            String access = S3Options.required(accessKeyId, "S3 access key id", "--s3-access-key-id", "AWS_ACCESS_KEY_ID");
            BackupFreshnessReport report = FailoverCheck.run(inputs, FailoverCheck.settings(inputs, access, secret),
                    Clock.systemUTC());
            spec.commandLine().getOut().println(report.toText());
            spec.commandLine().getOut().flush();
            return report.withinRpo() ? 0 : 1;
        }
    }
}
