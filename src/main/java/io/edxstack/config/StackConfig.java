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
        BackupConfig backup,
        FailoverConfig failover) {

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

    /** Bring your own cluster: only its kubeconfig, no OpenStack resource at all. */
    public record ExistingClusterConfig(SecretValue kubeconfig) implements ClusterConfig {
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
