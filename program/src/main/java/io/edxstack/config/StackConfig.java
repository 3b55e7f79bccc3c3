package io.edxstack.config;

import java.util.Optional;

/** A stack's validated settings: everything under {@code edxstack:} in {@code Pulumi.<stack>.yaml}. */
public record StackConfig(
        String stackName,
        String region,
        Role role,
        Optional<String> peerStack,
        Optional<String> openstackCloud,
        ClusterConfig cluster,
        StorageConfig storage,
        String ingressNamespace,
        WorkloadConfig workloads,
        BackupConfig backup,
        FailoverConfig failover) {

    /** The stack-wide settings of the platforms' workloads: front door, certificates, secrets, media. */
    public record WorkloadConfig(
            FrontDoorConfig frontDoor,
            CertManagerConfig certManager,
            SecretValue masterKey,
            MediaConfig media,
            int standbyWarmReplicas) {
    }

    public enum FrontDoorMode { CADDY, INGRESS }

    public record FrontDoorConfig(FrontDoorMode mode, String ingressClass) {
    }

    /** cert-manager: installed by the stack (or already there) and the one ACME ClusterIssuer of the stack. */
    public record CertManagerConfig(boolean install, String chartVersion, String acmeEmail, String acmeServer) {
    }

    /**
     * Media in S3 (Ceph RGW). Credentials either from the stack's secret config ({@code accessKey} present)
     * or from an existing Secret named {@code credentialsSecret} in each platform namespace.
     */
    public record MediaConfig(String endpoint, String region, String bucketPrefix,
                              Optional<S3Credentials> credentials, String credentialsSecret) {
    }

    public record S3Credentials(SecretValue accessKeyId, SecretValue secretAccessKey) {
    }

    /** How the stack gets its Kubernetes cluster. */
    public sealed interface ClusterConfig permits MagnumClusterConfig, ExistingClusterConfig {
    }

    /** The stack owns a Magnum cluster built from one of the versioned templates of the catalogue. */
    public record MagnumClusterConfig(
            String name,
            String templateVersion,
            int masterCount,
            int nodeCount,
            String keypair,
            int createTimeoutMinutes,
            NetworkConfig network) implements ClusterConfig {
    }

    /**
     * Bring your own cluster: no OpenStack resource at all.
     *
     * @param kubeconfig the kubeconfig from the stack's secret config; empty when each run brings its own identity
     *                   (the file named by {@code KUBECONFIG}, context {@link #contextName}), so none is in the state
     */
    public record ExistingClusterConfig(Optional<SecretValue> kubeconfig) implements ClusterConfig {
        /** The context a job-supplied kubeconfig must hold for this stack: a kubeconfig of another cluster fails. */
        public static String contextName(String stack) {
            return "edxstack-" + stack;
        }
    }

    public record NetworkConfig(
            String externalNetworkId,
            Optional<String> fixedNetwork,
            Optional<String> fixedSubnet,
            Optional<String> dnsNameserver,
            boolean floatingIpEnabled) {
    }

    public record StorageConfig(
            Optional<String> volumeType,
            Optional<String> availabilityZone,
            String fsType,
            boolean markDefault) {
    }

    public boolean isActive() {
        return role == Role.ACTIVE;
    }
}
