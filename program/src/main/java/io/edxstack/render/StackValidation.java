package io.edxstack.render;

import io.edxstack.config.ConfigKeys;
import io.edxstack.config.PlatformSpec;
import io.edxstack.config.Problem;
import io.edxstack.config.Problems;
import io.edxstack.config.RawConfig;
import io.edxstack.config.StackConfig;
import io.edxstack.config.StackFiles;
import io.edxstack.config.StackInputs;
import io.edxstack.failover.PeerState;
import io.edxstack.failover.SplitBrainException;
import io.edxstack.failover.SplitBrainGuard;
import io.edxstack.platform.TutorConfigs;
import io.edxstack.policies.Violation;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.StateView;
import io.edxstack.policies.kube.Values;
import io.edxstack.program.PolicyGate;
import io.edxstack.state.Quantity;
import io.edxstack.tutorenv.TutorRenderer;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of a stack's inputs that need more than the config package sees: the peer's stack file (both
 * stacks active), and what the program would register (a quota below the platform's peak, an image from a
 * registry the policy set does not allow, a LimitRange maximum below a container's limit). {@code validate},
 * {@code render} and the program before the engine all run them, and report what comes straight from config
 * as configuration problems naming the file and key, not as violations on resources.
 */
public final class StackValidation {
    private static final String QUOTA_RULE = "namespace-quota-fits";
    private static final String REGISTRY_RULE = "image-registry";
    private static final Pattern QUOTA_KEY = Pattern.compile("Raise (quota\\.\\w+) in (stacks/platforms/[-a-z0-9]+\\.yaml)");
    private static final Pattern IMAGE = Pattern.compile("image '([^']+)'");
    private static final Pattern CONTAINER_USER = Pattern.compile("(.*?), container '[^']+': (image '.*)", Pattern.DOTALL);

    private StackValidation() {
    }

    /**
     * The validated inputs, with the stack files' intent checked: no stack active while its peer is. Every command
     * that renders starts here, so Tutor's Python is started first and given the platforms as soon as they are
     * known: it renders them while the program and the SDK start.
     */
    public static StackInputs load(Path projectDir, String stack, RawConfig raw) {
        TutorRenderer.startEarly();
        StackInputs inputs = StackInputs.load(projectDir, stack, raw);
        Problems problems = new Problems();
        checkSplitBrain(projectDir, raw.source(), inputs.config(), problems);
        problems.throwIfAny();
        TutorConfigs.prepare(inputs.platforms(), inputs.config());
        return inputs;
    }

    /**
     * Reports config-caused violations of the desired state as configuration problems, then enforces the
     * remaining mandatory policies; returns the advisory violations.
     */
    public static List<Violation> enforcePolicies(Path projectDir, StackInputs inputs, DesiredState state) {
        Problems problems = new Problems();
        StateView view = new StateView(state.states());
        Map<Problem, SortedSet<String>> registryUsers = new LinkedHashMap<>();
        for (Violation violation : PolicyGate.evaluate(projectDir, state)) {
            if (violation.isMandatory()) {
                configProblem(inputs, view, violation, problems, registryUsers);
            }
        }
        // One line per key at fault, not one per container that uses the image.
        registryUsers.forEach((problem, users) -> problems.add(problem.where(), problem.key(),
                problem.message() + " (used by " + String.join(", ", users) + ")"));
        checkLimitRanges(inputs, view, problems);
        problems.throwIfAny();
        return PolicyGate.enforce(projectDir, state);
    }

    /** Both stack files saying active is split brain, unless this change states the peer's region is down. */
    private static void checkSplitBrain(Path projectDir, String source, StackConfig config, Problems problems) {
        if (config.peerStack().isEmpty()) {
            return;
        }
        String peer = StackInputs.peerStackName(config.peerStack().get());
        String role = StackFiles.read(projectDir, peer).values()
                .getOrDefault(ConfigKeys.ROLE.fullName(), ConfigKeys.ROLE.defaultValue());
        try {
            SplitBrainGuard.check(config, PeerState.known(peer, role));
        } catch (SplitBrainException e) {
            problems.add(source, ConfigKeys.ROLE.fullName(), e.getMessage());
        }
    }

    private static void configProblem(StackInputs inputs, StateView view, Violation violation, Problems problems,
                                      Map<Problem, SortedSet<String>> registryUsers) {
        if (violation.ruleId().equals(QUOTA_RULE)) {
            Matcher key = QUOTA_KEY.matcher(violation.message());
            if (key.find()) {
                problems.add(key.group(2), key.group(1), "is below the platform's peak: " + violation.message());
            }
        } else if (violation.ruleId().equals(REGISTRY_RULE)) {
            Matcher image = IMAGE.matcher(violation.message());
            if (!image.find()) {
                return;
            }
            // The rule's message starts with the workload and container; one problem per key names them all.
            Matcher user = CONTAINER_USER.matcher(violation.message());
            String workload = user.matches() ? user.group(1) : violation.name();
            String reason = "is not from a registry the policy set allows (" + REGISTRY_RULE
                    + " in " + PolicyGate.POLICY_SET + "): " + (user.matches() ? user.group(2) : violation.message());
            BiConsumer<String, String> report = (where, key) -> registryUsers
                    .computeIfAbsent(new Problem(where, key, reason), k -> new TreeSet<>())
                    .add(workload);
            if (image.group(1).equals(inputs.config().backup().agentImage())) {
                report.accept("Pulumi." + inputs.config().stackName() + ".yaml", ConfigKeys.BACKUP_AGENT_IMAGE.fullName());
                return;
            }
            platformOf(inputs, view, violation.urn()).ifPresent(platform -> imageKeys(platform).forEach((key, value) -> {
                if (value.equals(image.group(1))) {
                    report.accept(platform.file(), key);
                }
            }));
        }
    }

    /** The API server refuses a pod whose container limit exceeds its namespace's LimitRange maximum. */
    private static void checkLimitRanges(StackInputs inputs, StateView view, Problems problems) {
        for (PlatformSpec platform : inputs.platforms()) {
            var max = platform.limits().max();
            Map<String, String> maxima = Map.of("cpu", max.cpu(), "memory", max.memory());
            view.workloads().filter(workload -> workload.namespace().equals(platform.name())).forEach(workload -> {
                for (Container container : workload.containers()) {
                    maxima.forEach((resource, maximum) -> {
                        Object limit = Values.at(container.spec(), "resources.limits." + resource);
                        BigDecimal value = Quantity.of(limit);
                        BigDecimal ceiling = Quantity.of(maximum);
                        if (value != null && ceiling != null && value.compareTo(ceiling) > 0) {
                            problems.add(platform.file(), "limits.max." + resource, "is " + maximum + ", below the "
                                    + resource + " limit " + limit + " of container '" + container.name() + "' in "
                                    + workload.describe() + ": Kubernetes refuses its pods; raise limits.max."
                                    + resource + " or lower that container's resources");
                        }
                    });
                }
            });
        }
    }

    private static Optional<PlatformSpec> platformOf(StackInputs inputs, StateView view, String urn) {
        return view.resources().stream().filter(resource -> resource.urn().equals(urn)).findFirst()
                .map(resource -> String.valueOf(resource.input("metadata.namespace")))
                .flatMap(namespace -> inputs.platforms().stream().filter(p -> p.name().equals(namespace)).findFirst());
    }

    private static Map<String, String> imageKeys(PlatformSpec platform) {
        var images = platform.images();
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("images.openedx", images.openedx());
        images.mfe().ifPresent(mfe -> keys.put("images.mfe", mfe));
        keys.put("images.caddy", images.caddy());
        keys.put("images.mysql", images.mysql());
        keys.put("images.mongodb", images.mongodb());
        keys.put("images.redis", images.redis());
        keys.put("images.meilisearch", images.meilisearch());
        keys.put("images.smtp", images.smtp());
        return keys;
    }

}
