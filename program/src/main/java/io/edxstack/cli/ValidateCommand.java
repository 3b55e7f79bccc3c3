package io.edxstack.cli;

import io.edxstack.config.StackFiles;
import io.edxstack.render.Renderer;
import io.edxstack.render.StackValidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** Checks a stack's config and the catalogue, reporting every problem at once. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a stack's config and the platform catalogue, and render it under the engine mocks as 'render' does; "
                + "every problem is reported, each naming its file and key.")
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    StackOptions stack;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var raw = StackFiles.read(stack.projectDir(), stack.stack());
        var inputs = StackValidation.load(stack.projectDir(), stack.stack(), raw);
        // What render and the program refuse because of config, validate refuses too: it runs them.
        var progress = new ProgressReport(spec.commandLine().getErr(), stack.stack(), System::currentTimeMillis,
                ProgressReport.QUIET_MILLIS);
        var state = Renderer.render(stack.projectDir(), inputs, raw, progress);
        progress.done(state.resources().size());
        var config = inputs.config();
        spec.commandLine().getOut().printf("%s: valid (region %s, role %s, %d platforms: %s; %d resources, policies pass)%n",
                stack.stack(), config.region(), config.role().configValue(), inputs.platforms().size(),
                String.join(", ", inputs.platforms().stream().map(p -> p.name()).toList()), state.resources().size());
        return 0;
    }
}
