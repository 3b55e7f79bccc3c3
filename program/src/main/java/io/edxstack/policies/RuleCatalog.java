package io.edxstack.policies;

import io.edxstack.policies.rules.platform.DefaultDenyNetworkPolicyRule;
import io.edxstack.policies.rules.platform.NamespaceQuotaFitsRule;
import io.edxstack.policies.rules.platform.PdbAllowsDisruptionRule;
import io.edxstack.policies.rules.platform.PodDisruptionBudgetRule;
import io.edxstack.policies.rules.state.ActiveStackBackupsRule;
import io.edxstack.policies.rules.state.ProtectStatefulRule;
import io.edxstack.policies.rules.state.SamePlatformsRule;
import io.edxstack.policies.rules.state.StandbyStackRestoresRule;
import io.edxstack.policies.rules.visibility.UnreviewableResourceRule;
import io.edxstack.policies.rules.visibility.WorkloadInputsVisibleRule;
import io.edxstack.policies.rules.wiring.ConfigReferenceRule;
import io.edxstack.policies.rules.wiring.IngressBackendRule;
import io.edxstack.policies.rules.wiring.RwoVolumeRollingDeploymentRule;
import io.edxstack.policies.rules.wiring.ServiceAccountExistsRule;
import io.edxstack.policies.rules.wiring.ServiceSelectsPodsRule;
import io.edxstack.policies.rules.wiring.ServiceTargetPortsRule;
import io.edxstack.policies.rules.wiring.StorageClassExistsRule;
import io.edxstack.policies.rules.workload.DropAllCapabilitiesRule;
import io.edxstack.policies.rules.workload.ImagePinnedRule;
import io.edxstack.policies.rules.workload.ImageRegistryRule;
import io.edxstack.policies.rules.workload.NoAddedCapabilitiesRule;
import io.edxstack.policies.rules.workload.NoHostAccessRule;
import io.edxstack.policies.rules.workload.NoHostPortsRule;
import io.edxstack.policies.rules.workload.NoPrivilegeEscalationRule;
import io.edxstack.policies.rules.workload.NoRootGroupRule;
import io.edxstack.policies.rules.workload.NoSecretLiteralsRule;
import io.edxstack.policies.rules.workload.NonRootRule;
import io.edxstack.policies.rules.workload.NotPrivilegedRule;
import io.edxstack.policies.rules.workload.ProbePortsRule;
import io.edxstack.policies.rules.workload.ProbesRule;
import io.edxstack.policies.rules.workload.ReadOnlyRootFilesystemRule;
import io.edxstack.policies.rules.workload.ResourceLimitsRule;
import io.edxstack.policies.rules.workload.SeccompProfileRule;
import io.edxstack.policies.rules.workload.ServiceAccountTokenRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every rule the policy set can name, in the order reports list them. */
public final class RuleCatalog {

    private static final List<PolicyRule> RULES = List.of(
            new WorkloadInputsVisibleRule(),
            new UnreviewableResourceRule(),
            new NonRootRule(),
            new NoRootGroupRule(),
            new NoPrivilegeEscalationRule(),
            new NotPrivilegedRule(),
            new DropAllCapabilitiesRule(),
            new NoAddedCapabilitiesRule(),
            new ReadOnlyRootFilesystemRule(),
            new SeccompProfileRule(),
            new ServiceAccountTokenRule(),
            new NoHostAccessRule(),
            new NoHostPortsRule(),
            new NoSecretLiteralsRule(),
            new ResourceLimitsRule(),
            new ProbesRule(),
            new ProbePortsRule(),
            new ImagePinnedRule(),
            new ImageRegistryRule(),
            new ServiceSelectsPodsRule(),
            new ServiceTargetPortsRule(),
            new ServiceAccountExistsRule(),
            new IngressBackendRule(),
            new StorageClassExistsRule(),
            new ConfigReferenceRule(),
            new RwoVolumeRollingDeploymentRule(),
            new DefaultDenyNetworkPolicyRule(),
            new PodDisruptionBudgetRule(),
            new PdbAllowsDisruptionRule(),
            new NamespaceQuotaFitsRule(),
            new ProtectStatefulRule(),
            new ActiveStackBackupsRule(),
            new StandbyStackRestoresRule(),
            new SamePlatformsRule());

    private static final Map<String, PolicyRule> BY_ID = index();

    private RuleCatalog() {
    }

    public static List<PolicyRule> all() {
        return RULES;
    }

    public static Optional<PolicyRule> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    private static Map<String, PolicyRule> index() {
        Map<String, PolicyRule> byId = new LinkedHashMap<>();
        for (PolicyRule rule : RULES) {
            if (byId.put(rule.id(), rule) != null) {
                throw new IllegalStateException("two rules share the id " + rule.id());
            }
        }
        return byId;
    }
}
