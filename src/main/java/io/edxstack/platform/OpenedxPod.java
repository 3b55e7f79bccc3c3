package io.edxstack.platform;

import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import io.edxstack.config.PlatformSpec.ContainerSize;

import java.util.ArrayList;
import java.util.List;

/**
 * A pod running the Open edX image as the LMS or the CMS (web, worker or init job): Tutor's environment,
 * the settings ConfigMap, credentials only through secretKeyRef, a read-only root filesystem with
 * scratch space, and no volume that could pin the pod to one node.
 */
final class OpenedxPod {
    /** Tutor's image runs as the "app" user, uid 1000 (APP_USER_ID). */
    static final int APP_UID = 1000;
    private final PlatformScope scope;
    private final PlatformSecrets secrets;
    private final PlatformSettings.Service settings;

    OpenedxPod(PlatformScope scope, PlatformSecrets secrets, PlatformSettings.Service settings) {
        this.scope = scope;
        this.secrets = secrets;
        this.settings = settings;
    }

    String variant() {
        return settings.variant();
    }

    PlatformSettings.Service settings() {
        return settings;
    }

    ContainerArgs.Builder container(String name, ContainerSize size, List<EnvVarArgs> extraEnv) {
        List<EnvVarArgs> env = new ArrayList<>(env());
        env.addAll(extraEnv);
        return ContainerArgs.builder()
                .name(name)
                .image(scope.spec().images().openedx())
                .imagePullPolicy("IfNotPresent")
                .workingDir("/openedx/edx-platform")
                .env(env)
                .volumeMounts(List.of(
                        Hardening.mount("settings", PlatformSettings.MOUNT, true),
                        Hardening.mount("tmp", "/tmp", false),
                        Hardening.mount("data", "/openedx/data", false)))
                .securityContext(Hardening.container(true))
                .resources(Hardening.resources(size));
    }

    PodSpecArgs.Builder podSpec(List<ContainerArgs> containers) {
        return PodSpecArgs.builder()
                .securityContext(Hardening.pod(APP_UID))
                // No Kubernetes API access, and no Service variables: a Service named mysql would inject
                // MYSQL_PORT=tcp://... and clash with settings read from the environment.
                .automountServiceAccountToken(false)
                .enableServiceLinks(false)
                .containers(containers)
                .volumes(List.of(
                        VolumeArgs.builder().name("settings")
                                .configMap(ConfigMapVolumeSourceArgs.builder().name(settings.configMapName()).build())
                                .build(),
                        Hardening.scratch("tmp", "1Gi"),
                        Hardening.scratch("data", "2Gi")));
    }

    private List<EnvVarArgs> env() {
        List<EnvVarArgs> env = new ArrayList<>();
        env.add(literal("SERVICE_VARIANT", variant()));
        env.add(literal("DJANGO_SETTINGS_MODULE", settings.settingsModule()));
        env.add(literal(variant().toUpperCase() + "_CFG", settings.settingsFile()));
        env.add(literal("PYTHONPATH", PlatformSettings.MOUNT));
        env.add(literal("PYTHONDONTWRITEBYTECODE", "1"));
        env.add(secrets.secretKey.env("EDXSTACK_SECRET_KEY"));
        env.add(secrets.jwtSecretKey.env("EDXSTACK_JWT_SECRET_KEY"));
        env.add(secrets.cmsOauth2.env("EDXSTACK_CMS_OAUTH2_SECRET"));
        env.add(secrets.mysql.username().map(r -> r.env("EDXSTACK_MYSQL_USERNAME"))
                .orElse(literal("EDXSTACK_MYSQL_USERNAME", PlatformSecrets.OPENEDX_USER)));
        env.add(secrets.mysql.password().env("EDXSTACK_MYSQL_PASSWORD"));
        env.add(secrets.mongodb.username().map(r -> r.env("EDXSTACK_MONGODB_USERNAME"))
                .orElse(literal("EDXSTACK_MONGODB_USERNAME", PlatformSecrets.OPENEDX_USER)));
        env.add(secrets.mongodb.password().env("EDXSTACK_MONGODB_PASSWORD"));
        env.add(secrets.redisPassword.env("EDXSTACK_REDIS_PASSWORD"));
        env.add(secrets.meilisearchApiKey.env("EDXSTACK_MEILISEARCH_API_KEY"));
        secrets.smtp.ifPresent(smtp -> {
            smtp.username().ifPresent(r -> env.add(r.env("EDXSTACK_SMTP_USERNAME")));
            env.add(smtp.password().env("EDXSTACK_SMTP_PASSWORD"));
        });
        env.add(secrets.mediaAccessKey.env("AWS_ACCESS_KEY_ID"));
        env.add(secrets.mediaSecretKey.env("AWS_SECRET_ACCESS_KEY"));
        secrets.jwtPrivateKey.ifPresentOrElse(r -> env.add(r.env("EDXSTACK_JWT_PRIVATE_KEY")),
                () -> env.add(secrets.jwtSigningSeed.env("EDXSTACK_JWT_SIGNING_SEED")));
        return env;
    }

    static EnvVarArgs literal(String name, String value) {
        return EnvVarArgs.builder().name(name).value(value).build();
    }
}
