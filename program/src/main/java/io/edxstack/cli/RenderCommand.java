package io.edxstack.cli;

import io.edxstack.render.DesiredState;
import io.edxstack.render.DesiredStateJson;
import io.edxstack.render.DesiredStateText;
import io.edxstack.render.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/** Runs the stack program under the SDK's engine mocks and writes the desired state. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Run the stack program without a cloud (under the Pulumi SDK's engine mocks) and write every "
                + "resource it registers: type, name, parent, provider and inputs, secrets masked, in a stable order.")
public final class RenderCommand implements Callable<Integer> {
    enum Format { text, json }

    @Mixin
    StackOptions stack;

    @Option(names = "--format", defaultValue = "text", description = "text (for people) or json (for diff, policies, review).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Option(names = "--no-policy-gate",
            description = "Write the desired state even when it breaks a mandatory policy (for the review job, "
                    + "which reports and fails on violations itself). The program under 'pulumi up' always enforces them.")
    boolean noPolicyGate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (out != null) {
            checkWritable(out);
        }
        var progress = new ProgressReport(spec.commandLine().getErr(), stack.stack(), System::currentTimeMillis,
                ProgressReport.QUIET_MILLIS);
        DesiredState state = noPolicyGate
                ? Renderer.renderWithoutPolicyGate(stack.projectDir(), stack.stack(), progress)
                : Renderer.render(stack.projectDir(), stack.stack(), progress);
        progress.done(state.resources().size());
        String text = format == Format.json ? DesiredStateJson.write(state) : DesiredStateText.write(state);
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            // Written beside the target and moved over it: a failed write leaves the previous file whole.
            Path temporary = Files.createTempFile(out.toAbsolutePath().getParent(), ".render-", ".tmp");
            try {
                Files.writeString(temporary, text);
                Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            spec.commandLine().getErr().printf("%s: %d resources written to %s%n", stack.stack(), state.resources().size(), out);
        }
        return 0;
    }

    /** Checked before rendering, which takes seconds to minutes: a typo in the path fails at once. */
    private void checkWritable(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        String problem = null;
        if (Files.isDirectory(file)) {
            problem = "is a directory, perhaps " + file.resolve(stack.stack() + (format == Format.json ? ".json" : ".txt"));
        } else if (!Files.isDirectory(directory)) {
            problem = "cannot be written: the directory " + directory + " does not exist, perhaps 'mkdir -p " + directory + "'";
        } else if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(directory)) {
            problem = "cannot be written: permission denied";
        }
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), "--out " + file + ": " + problem);
        }
    }
}
