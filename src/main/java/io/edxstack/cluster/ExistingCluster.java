package io.edxstack.cluster;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.edxstack.config.SecretValue;

import javax.annotation.Nullable;
import java.util.Map;

/** A cluster someone else runs: reached through a kubeconfig held as a secret; no OpenStack resource. */
public final class ExistingCluster extends ComponentResource implements KubernetesCluster {
    public static final String TYPE = "edxstack:cluster:ExistingCluster";

    private final Provider provider;
    private final Output<String> kubeconfig;
    private final Output<String> clusterName;

    public ExistingCluster(String name, SecretValue kubeconfig, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        this.kubeconfig = Output.ofSecret(kubeconfig.reveal());
        this.clusterName = Output.of(name);
        this.provider = new Provider(name + "-k8s", ProviderArgs.builder().kubeconfig(this.kubeconfig).build(),
                KubernetesPlugin.providerOptions(this));
        registerOutputs(Map.of("clusterName", clusterName, "kubeconfig", this.kubeconfig));
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

    @Override
    public Output<String> kubeconfig() {
        return kubeconfig;
    }
}
