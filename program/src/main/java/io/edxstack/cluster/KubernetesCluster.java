package io.edxstack.cluster;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;

/** The cluster a stack deploys to, whoever made it; every Kubernetes resource goes through its provider. */
public sealed interface KubernetesCluster permits MagnumCluster, ExistingCluster {

    /** The explicit provider for this cluster: no resource may fall back to an ambient kubeconfig. */
    Provider provider();

    Output<String> clusterId();

    Output<String> clusterName();
}
