package io.edxstack.platform;

import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;

import java.util.List;
import java.util.Optional;

/**
 * One data service run in the namespace, as {@link DataServices} declares it to {@link StatefulService}.
 *
 * @param name           Tutor's name, also the Service's and {@code app.kubernetes.io/name}
 * @param uid            the image's non-root user, owner of the volume through fsGroup
 * @param dataPath       where the retained Cinder volume is mounted
 * @param scratchPaths   writable emptyDirs a read-only root filesystem still needs
 * @param command        the container's command; empty for the image's entrypoint
 * @param exposed        whether the ingress controller routes to it (Meilisearch with a public host)
 * @param prepare        a command run before the service starts, on its volume (an init container); empty for none
 * @param config         a ConfigMap mounted read-only into the service's container (name, path); empty for none
 */
record DataService(String name, String image, int uid, int port, String dataPath, String storage,
                   List<String> scratchPaths, List<String> command, List<String> args, List<EnvVarArgs> env,
                   ProbeArgs startup, ProbeArgs readiness, ProbeArgs liveness, boolean exposed, List<String> prepare,
                   Optional<MountedConfig> config) {

    record MountedConfig(String configMapName, String mountPath) {
    }
}
