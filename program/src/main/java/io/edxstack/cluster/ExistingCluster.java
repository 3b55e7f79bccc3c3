package io.edxstack.cluster;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.edxstack.config.StackConfig.ExistingClusterConfig;

import javax.annotation.Nullable;
import java.util.Map;

/**
 * A cluster someone else runs; no OpenStack resource. Its provider takes the kubeconfig of the stack's secret
 * config, or, when that is unset, none at all: the provider then reads the file named by {@code KUBECONFIG} of each
 * run, restricted to the context {@code edxstack-<stack>}. The state records only that context name, so a refresh
 * (which configures the provider from the state) runs as whoever the job's file names: the drift job's reader.
 */
public final class ExistingCluster extends ComponentResource implements KubernetesCluster {
    public static final String TYPE = "edxstack:cluster:ExistingCluster";

    private final Provider provider;
    private final Output<String> clusterName;

    public ExistingCluster(String name, String stack, ExistingClusterConfig config, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        this.clusterName = Output.of(name);
        var providerArgs = ProviderArgs.builder();
        config.kubeconfig().ifPresentOrElse(
                kubeconfig -> providerArgs.kubeconfig(Output.ofSecret(kubeconfig.reveal())),
                // A missing context fails the provider, so a stray kubeconfig of another cluster is never used.
                () -> providerArgs.context(ExistingClusterConfig.contextName(stack)));
        this.provider = new Provider(name + "-k8s", providerArgs.build(), KubernetesPlugin.providerOptions(this));
        registerOutputs(Map.of("clusterName", clusterName));
    }

    @Override
    public Provider provider() {
        return provider;
    }

    /** An existing cluster has no Magnum ID; its name stands in, so outputs keep one shape. */
    @Override
    public Output<String> clusterId() {
        return clusterName;
    }

    @Override
    public Output<String> clusterName() {
        return clusterName;
    }
}
