package io.edxstack.platform;

import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretKeySelectorArgs;

/** One key of a Kubernetes Secret: how a container reads a credential without it ever being in its spec. */
record SecretRef(String secret, String key) {

    EnvVarArgs env(String variable) {
        return EnvVarArgs.builder()
                .name(variable)
                .valueFrom(EnvVarSourceArgs.builder()
                        .secretKeyRef(SecretKeySelectorArgs.builder().name(secret).key(key).build())
                        .build())
                .build();
    }
}
