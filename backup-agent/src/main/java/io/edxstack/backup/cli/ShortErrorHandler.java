package io.edxstack.backup.cli;

import io.edxstack.backup.contract.AgentEnv;
import picocli.CommandLine;

/**
 * Prints a failed command's reason in one line (or the list of problems a validation found), not a
 * usage dump or a stack trace. Exit codes: 1 for a failure, 2 for a wrong command line.
 */
public final class ShortErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        cli.getErr().println("error: " + describe(ex));
        if (System.getenv(AgentEnv.DEBUG) != null) {
            ex.printStackTrace(cli.getErr());
        }
        return 1;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        cli.getErr().println("error: " + ex.getMessage());
        cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
        return 2;
    }

    private static String describe(Throwable ex) {
        String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
    }
}
