package io.edxstack.cli;

import io.edxstack.diff.StateDiff;
import io.edxstack.diff.StateDiffWriter;
import io.edxstack.render.DesiredStateJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Compares two JSON renders of one stack, flagging changes to resources that hold data. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two renders (render --format json) of one stack, e.g. the target branch and a change: "
                + "resources created, updated and deleted, with their changed inputs; stateful ones flagged and listed first.")
public final class DiffCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "BASE.json")
    Path base;

    @Parameters(index = "1", paramLabel = "HEAD.json")
    Path head;

    @Option(names = "--format", defaultValue = "text", description = "text or json (for the review maker).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StateDiff diff = StateDiff.between(DesiredStateJson.read(base), DesiredStateJson.read(head));
        spec.commandLine().getOut().print(format == Format.json ? StateDiffWriter.json(diff) : StateDiffWriter.text(diff));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
