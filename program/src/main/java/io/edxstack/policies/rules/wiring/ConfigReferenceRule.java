package io.edxstack.policies.rules.wiring;

import io.edxstack.platform.PlatformLabels;
import io.edxstack.policies.Finding;
import io.edxstack.policies.Level;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.KubeObject;
import io.edxstack.policies.kube.StateView;
import io.edxstack.policies.kube.Values;
import io.edxstack.policies.kube.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every Secret and ConfigMap a pod template references exists, or pods hang in
 * CreateContainerConfigError. Secrets made outside the stack (the external-service mode: database
 * credentials handed over by another team) are declared with the annotation
 * {@value #EXTERNAL_SECRETS} ({@code "name1,name2"}) on the namespace, for all its workloads, or on
 * the workload itself.
 */
public final class ConfigReferenceRule implements PolicyRule {

    public static final String EXTERNAL_SECRETS = PlatformLabels.EXTERNAL_SECRETS;
    // Kubernetes publishes this ConfigMap into every namespace.
    private static final String ROOT_CA_CONFIG_MAP = "kube-root-ca.crt";

    @Override
    public String id() {
        return "config-reference-exists";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every Secret and ConfigMap a pod uses exists in the stack or is declared pre-existing";
    }

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        List<Finding> findings = new ArrayList<>();
        state.workloads().forEach(workload -> {
            Set<String> external = externalSecrets(state, workload);
            for (ConfigReference reference : ConfigReference.of(workload)) {
                boolean exists = state.find(reference.kind(), workload.namespace(), reference.name()).isPresent()
                        || (reference.kind().equals("Secret") && external.contains(reference.name()))
                        || (reference.kind().equals("ConfigMap") && reference.name().equals(ROOT_CA_CONFIG_MAP));
                if (!exists) {
                    findings.add(new Finding(workload.resource(), workload.describe() + " uses " + reference.kind()
                            + " '" + reference.name() + "' (" + reference.where() + "), which the stack does not"
                            + " declare in namespace '" + workload.namespace() + "'; add it, or if it is made"
                            + " outside the stack list it in the namespace annotation " + EXTERNAL_SECRETS));
                }
            }
        });
        return findings;
    }

    private static Set<String> externalSecrets(StateView state, Workload workload) {
        Set<String> names = new HashSet<>(
                Values.commaList(KubeObject.annotations(workload.resource()).get(EXTERNAL_SECRETS)));
        state.ofKind("Namespace")
                .filter(namespace -> KubeObject.objectName(namespace).equals(workload.namespace()))
                .forEach(namespace -> names.addAll(
                        Values.commaList(KubeObject.annotations(namespace).get(EXTERNAL_SECRETS))));
        return names;
    }
}
