package io.edxstack.platform;

import com.pulumi.resources.Resource;
import io.edxstack.config.PlatformSpec;
import io.edxstack.config.StackConfig;

import java.util.Optional;

/**
 * @param spec        the platform's catalogue entry
 * @param stack       the stack it is deployed by (role, ingress namespace, workload settings)
 * @param issuer      the ClusterIssuer of the platform's certificate ({@link CertManager#issuer()}), which
 *                    the Certificate waits for
 * @param retainClass the storage class of the data volumes ({@code CinderStorage.retainClass()}), which
 *                    the data services wait for
 */
public record PlatformArgs(PlatformSpec spec, StackConfig stack, Optional<Resource> issuer,
                           Optional<Resource> retainClass) {

    /** Without cluster-level resources to wait for (tests of a platform alone). */
    public PlatformArgs(PlatformSpec spec, StackConfig stack) {
        this(spec, stack, Optional.empty(), Optional.empty());
    }
}
