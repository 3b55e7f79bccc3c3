package io.edxstack.cli;

import io.edxstack.policies.PolicySet;
import io.edxstack.policies.PolicySetLoader;
import io.edxstack.review.StackResources;
import io.edxstack.review.PolicyRun;
import io.edxstack.review.StackViolation;
import io.edxstack.review.input.RenderReader;
import io.edxstack.review.input.RenderedStack;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code edxstack policy}: the policy set, on its own. */
@Command(name = "policy",
        mixinStandardHelpOptions = true,
        description = "Checks desired states against the policy set.",
        subcommands = {PolicyCommand.Check.class})
final class PolicyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required, perhaps 'check --render FILE'");
    }

    /** {@code edxstack policy check}: violations of one or two renders (two: the cross-stack rules run too). */
    @Command(name = "check",
            mixinStandardHelpOptions = true,
            description = {"Prints the policy violations of each render.",
                    "Exit status: 0 no mandatory violation, 3 mandatory violations, 1 bad input, 2 bad command line."})
    static final class Check implements Callable<Integer> {

        static final Path COMMITTED_POLICY_SET = Path.of("policies/policy-set.yaml");

        @Option(names = "--render", paramLabel = "FILE", required = true,
                description = "edxstack render --format json output; give both stacks for the cross-stack rules")
        List<Path> renders = new ArrayList<>();

        @Option(names = "--policy-set", paramLabel = "FILE", description = "default: policies/policy-set.yaml")
        Path policySet;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (renders.size() > 2) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "at most two renders (one per stack of the pair), perhaps run the command once per pair");
            }
            List<StackResources> stacks = new ArrayList<>();
            for (Path file : renders) {
                RenderedStack render = RenderReader.read(file);
                stacks.add(new StackResources(render.stack(), render.role(), render.resources()));
            }
            List<StackViolation> violations = PolicyRun.evaluate(policySet(), stacks);
            PrintWriter out = spec.commandLine().getOut();
            for (StackViolation found : violations) {
                out.println(found.violation().level().label() + "  " + found.violation().ruleId() + "  " + found.stack()
                        + "  " + found.violation().name() + "\n    " + found.violation().message());
            }
            long mandatory = violations.stream().filter(found -> found.violation().isMandatory()).count();
            out.println(violations.isEmpty() ? "no policy violations"
                    : mandatory + " mandatory, " + (violations.size() - mandatory) + " advisory");
            return mandatory > 0 ? ReviewCommand.MANDATORY_VIOLATIONS : 0;
        }

        private PolicySet policySet() {
            if (policySet != null) {
                return PolicySetLoader.load(policySet);
            }
            if (Files.isRegularFile(COMMITTED_POLICY_SET)) {
                return PolicySetLoader.load(COMMITTED_POLICY_SET);
            }
            spec.commandLine().getErr().println("note: no " + COMMITTED_POLICY_SET + " here, using the built-in defaults");
            return PolicySet.defaults();
        }
    }
}
