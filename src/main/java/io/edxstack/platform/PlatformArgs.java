package io.edxstack.platform;

import io.edxstack.config.PlatformSpec;
import io.edxstack.config.StackConfig;

/**
 * @param spec  the platform's catalogue entry
 * @param stack the stack it is deployed by (role, ingress namespace)
 */
public record PlatformArgs(PlatformSpec spec, StackConfig stack) {
}
