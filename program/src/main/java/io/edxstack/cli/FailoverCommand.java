package io.edxstack.cli;

import io.edxstack.backup.cli.S3CredentialOptions;
import io.edxstack.config.StackFiles;
import io.edxstack.config.StackInputs;
import io.edxstack.failover.BackupFreshnessReport;
import io.edxstack.failover.FailoverCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

        @Mixin
        S3CredentialOptions credentials;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            StackInputs inputs = StackInputs.load(stack.projectDir(), stack.stack(),
                    StackFiles.read(stack.projectDir(), stack.stack()));
            BackupFreshnessReport report = FailoverCheck.run(inputs,
                    FailoverCheck.settings(inputs, credentials.accessKeyId(), credentials.secretKey()),
                    Clock.systemUTC());
            spec.commandLine().getOut().println(report.toText());
            spec.commandLine().getOut().flush();
            return report.withinRpo() ? 0 : 1;
        }
    }
}
