package io.edxstack.policies.rules.state;

import io.edxstack.policies.Finding;
import io.edxstack.policies.Level;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.KubeObject;
import io.edxstack.policies.kube.StateView;
import io.edxstack.policies.kube.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Both stacks run the same platforms, or a failover loses the ones missing on the standby. A platform
 * meant for some stacks only says so on its namespace, as the catalogue's {@code stacks} list in the
 * annotation {@value #STACKS_ANNOTATION}: {@code "prod-primary"} (an annotation, since label values cannot
 * hold a comma-separated list). Needs the other stack's desired state; without it the rule reports nothing.
 */
public final class SamePlatformsRule implements PolicyRule {

    public static final String STACKS_ANNOTATION = "edxstack.io/stacks";

    @Override
    public String id() {
        return "stacks-same-platforms";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Both stacks run the same platforms, unless a platform's namespace annotation edxstack.io/stacks"
                + " limits it to some";
    }

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        if (context.other().isEmpty()) {
            return List.of();
        }
        String otherStack = context.other().get().stack();
        Set<String> otherPlatforms = new StateView(context.other().get().resources()).platformNamespaces()
                .map(KubeObject::platform).collect(Collectors.toSet());
        List<Finding> findings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        state.platformNamespaces().forEach(namespace -> {
            String platform = KubeObject.platform(namespace);
            if (!seen.add(platform)) {
                return;
            }
            String declared = KubeObject.annotations(namespace).get(STACKS_ANNOTATION);
            List<String> stacks = Values.commaList(declared);
            if (declared != null && !stacks.contains(context.stack())) {
                findings.add(new Finding(namespace, "platform '" + platform + "' runs on " + context.stack()
                        + " but its annotation " + STACKS_ANNOTATION + " lists only " + stacks + "; add " + context.stack()
                        + " to the label or remove the platform from this stack"));
            } else if (!otherPlatforms.contains(platform) && (declared == null || stacks.contains(otherStack))) {
                findings.add(new Finding(namespace, "platform '" + platform + "' runs on " + context.stack()
                        + " but not on " + otherStack + ", so a failover would lose it; add it to " + otherStack
                        + " or annotate its namespace " + STACKS_ANNOTATION + ": \"" + context.stack() + "\""));
            }
        });
        return findings;
    }
}
