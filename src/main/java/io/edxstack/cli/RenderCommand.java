package io.edxstack.cli;

import io.edxstack.render.DesiredState;
import io.edxstack.render.DesiredStateJson;
import io.edxstack.render.DesiredStateText;
import io.edxstack.render.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        DesiredState state = noPolicyGate
                ? Renderer.renderWithoutPolicyGate(stack.projectDir(), stack.stack())
                : Renderer.render(stack.projectDir(), stack.stack());
        String text = format == Format.json ? DesiredStateJson.write(state) : DesiredStateText.write(state);
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(out, text);
            spec.commandLine().getErr().printf("%s: %d resources written to %s%n", stack.stack(), state.resources().size(), out);
        }
        return 0;
    }
}
