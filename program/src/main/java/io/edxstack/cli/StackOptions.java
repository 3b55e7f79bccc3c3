package io.edxstack.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by the commands that read a stack: which stack, in which checkout. */
public final class StackOptions {
    @Option(names = "--stack", required = true, paramLabel = "NAME",
            description = "Stack to read: Pulumi.NAME.yaml (e.g. prod-primary, prod-dr).")
    String stack;

    @Option(names = "--project-dir", paramLabel = "DIR", defaultValue = ".",
            description = "The edxstack checkout holding Pulumi.yaml and stacks/ (default: the current directory).")
    Path projectDir;

    public String stack() {
        return stack;
    }

    public Path projectDir() {
        return projectDir;
    }
}
