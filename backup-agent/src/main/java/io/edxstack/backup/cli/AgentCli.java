package io.edxstack.backup.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The backup agent's command line: what the backup, restore and prune CronJobs and DR drills run, from the agent's
 * own jar and image (images/backup-agent). The program's jar has its own CLI for the operator's commands.
 */
@Command(name = "edxstack-backup-agent",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Backs up, restores, verifies and prunes the Open edX platforms' databases in S3.",
        subcommands = {
                CommandLine.HelpCommand.class,
                BackupCommand.class,
                BackupsCommand.class,
                RestoreCommand.class,
        })
public final class AgentCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, perhaps 'backup mysql'");
    }

    /** Runs a command line and returns its exit code; errors are one short line, never a stack trace. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The CLI with its error handlers, for callers that redirect its output (tests). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AgentCli());
        cli.setExecutionExceptionHandler(new ShortErrorHandler());
        cli.setParameterExceptionHandler(new ShortErrorHandler());
        return cli;
    }
}
