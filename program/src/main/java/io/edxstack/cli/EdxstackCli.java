package io.edxstack.cli;

import io.edxstack.backup.cli.ShortErrorHandler;
import io.edxstack.backup.cli.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operator's CLI: thin commands over the same code the Pulumi engine runs. The backup agent's commands (backup,
 * backups, restore) are the agent's own, in its jar and image: io.edxstack.backup.cli.AgentCli.
 */
@Command(name = "edxstack",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Open edX platforms on OpenStack Magnum Kubernetes, as Pulumi stacks.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ValidateCommand.class,
                RenderCommand.class,
                DiffCommand.class,
                FailoverCommand.class,
                ReviewCommand.class,
                PolicyCommand.class,
                ImportTutorCommand.class,
        })
public final class EdxstackCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, perhaps 'render --stack prod-primary'");
    }

    /** Runs a command line and returns its exit code; errors are one short line, never a stack trace. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The CLI with its error handlers, for callers that redirect its output (tests). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new EdxstackCli());
        cli.setExecutionExceptionHandler(new ShortErrorHandler());
        cli.setParameterExceptionHandler(new ShortErrorHandler());
        return cli;
    }
}
