package io.edxstack.cli;

import io.edxstack.config.StackFiles;
import io.edxstack.config.StackInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** Checks a stack's config and the catalogue, reporting every problem at once. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a stack's config and the platform catalogue; every problem is reported, each naming its file and key.")
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    StackOptions stack;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var inputs = StackInputs.load(stack.projectDir(), stack.stack(), StackFiles.read(stack.projectDir(), stack.stack()));
        var config = inputs.config();
        spec.commandLine().getOut().printf("%s: valid (region %s, role %s, %d platforms: %s)%n",
                stack.stack(), config.region(), config.role().configValue(), inputs.platforms().size(),
                String.join(", ", inputs.platforms().stream().map(p -> p.name()).toList()));
        return 0;
    }
}
