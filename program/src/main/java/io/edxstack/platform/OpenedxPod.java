package io.edxstack.platform;

import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import io.edxstack.config.PlatformSpec.ContainerSize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pod running the Open edX image as the LMS or the CMS (web, worker or init job) the way Tutor's k8s
 * manifests run it: {@code DJANGO_SETTINGS_MODULE=<service>.envs.tutor.production}, Tutor's settings folders at
 * {@code /openedx/edx-platform/{lms,cms}/envs/tutor/}, its {@code lms.env.yml}/{@code cms.env.yml} in
 * {@code /openedx/config} and its uwsgi.ini at {@code /openedx/uwsgi.ini}. Unlike Tutor, the settings come
 * filled with secrets by an init container (from the platform's Secrets, in memory), and the root filesystem is
 * read-only with scratch space where Open edX writes.
 */
final class OpenedxPod {
    /** Tutor's image runs as the "app" user, uid 1000 (APP_USER_ID). */
    static final int APP_UID = 1000;
    static final String WORKDIR = "/openedx/edx-platform";
    static final String INIT_CONTAINER = "settings";
    /** Folders Tutor's settings create at import time (DATA_DIR, LOG_DIR, MEDIA_ROOT, ORA2 uploads): writable. */
    static final Map<String, String> SCRATCH = scratch();

    // The placeholders of Tutor's config (TutorConfigs), named after the variables that fill them.
    static final String SECRET_KEY = "EDXSTACK_SECRET_KEY";
    static final String JWT_SECRET_KEY = "EDXSTACK_JWT_SECRET_KEY";
    static final String CMS_OAUTH2_SECRET = "EDXSTACK_CMS_OAUTH2_SECRET";
    static final String MYSQL_USERNAME = "EDXSTACK_MYSQL_USERNAME";
    static final String MYSQL_PASSWORD = "EDXSTACK_MYSQL_PASSWORD";
    static final String MYSQL_ROOT_PASSWORD = "EDXSTACK_MYSQL_ROOT_PASSWORD";
    static final String MONGODB_USERNAME = "EDXSTACK_MONGODB_USERNAME";
    static final String MONGODB_PASSWORD = "EDXSTACK_MONGODB_PASSWORD";
    static final String REDIS_PASSWORD = "EDXSTACK_REDIS_PASSWORD";
    static final String MEILISEARCH_API_KEY = "EDXSTACK_MEILISEARCH_API_KEY";
    static final String MEILISEARCH_API_KEY_UID = "EDXSTACK_MEILISEARCH_API_KEY_UID";
    static final String SMTP_USERNAME = "EDXSTACK_SMTP_USERNAME";
    static final String SMTP_PASSWORD = "EDXSTACK_SMTP_PASSWORD";
    static final String AWS_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String AWS_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    static final String JWK_PREFIX = "EDXSTACK_JWK_";

    private final PlatformScope scope;
    private final PlatformSecrets secrets;
    private final PlatformSettings settings;
    private final String variant;

    OpenedxPod(PlatformScope scope, PlatformSecrets secrets, PlatformSettings settings, String variant) {
        this.scope = scope;
        this.secrets = secrets;
        this.settings = settings;
        this.variant = variant;
    }

    String variant() {
        return variant;
    }

    PlatformSettings settings() {
        return settings;
    }

    /** Where each of Tutor's settings folders is mounted (from the filled emptyDir), as Tutor's manifests do. */
    static Map<String, String> settingsMounts() {
        Map<String, String> mounts = new LinkedHashMap<>();
        mounts.put("lms", WORKDIR + "/lms/envs/tutor/");
        mounts.put("cms", WORKDIR + "/cms/envs/tutor/");
        mounts.put("config", "/openedx/config");
        return mounts;
    }

    ContainerArgs.Builder container(String name, ContainerSize size, List<EnvVarArgs> extraEnv) {
        List<EnvVarArgs> env = new ArrayList<>();
        env.add(literal("SERVICE_VARIANT", variant));
        env.add(literal("DJANGO_SETTINGS_MODULE", variant + ".envs.tutor.production"));
        env.addAll(extraEnv);
        List<VolumeMountArgs> mounts = new ArrayList<>();
        settingsMounts().forEach((folder, path) -> mounts.add(VolumeMountArgs.builder()
                .name("settings").mountPath(path).subPath(folder).readOnly(true).build()));
        mounts.add(VolumeMountArgs.builder().name("settings-templates").mountPath("/openedx/" + PlatformSettings.UWSGI)
                .subPath(PlatformSettings.UWSGI).readOnly(true).build());
        SCRATCH.forEach((volume, path) -> mounts.add(Hardening.mount(volume, path, false)));
        return ContainerArgs.builder()
                .name(name)
                .image(scope.spec().images().openedx())
                .imagePullPolicy("IfNotPresent")
                .workingDir(WORKDIR)
                .env(env)
                .volumeMounts(mounts)
                .securityContext(Hardening.container(true))
                .resources(Hardening.resources(size));
    }

    /**
     * The pod: the init container that fills the settings, then {@code containers}. The init container gets the
     * main container's {@code size}, so the pod claims no more than before (the larger of the two counts).
     */
    PodSpecArgs.Builder podSpec(List<ContainerArgs> containers, ContainerSize size) {
        ContainerArgs fill = ContainerArgs.builder()
                .name(INIT_CONTAINER)
                .image(scope.spec().images().openedx())
                .imagePullPolicy("IfNotPresent")
                .command(List.of("python", PlatformSettings.TEMPLATES + "/" + PlatformSettings.FILL_SCRIPT,
                        PlatformSettings.TEMPLATES, PlatformSettings.RENDERED))
                .env(fillEnv())
                .volumeMounts(List.of(
                        Hardening.mount("settings-templates", PlatformSettings.TEMPLATES, true),
                        Hardening.mount("settings", PlatformSettings.RENDERED, false),
                        Hardening.mount("tmp", "/tmp", false)))
                .securityContext(Hardening.container(true))
                .resources(Hardening.resources(size))
                .build();
        List<VolumeArgs> volumes = new ArrayList<>();
        volumes.add(VolumeArgs.builder().name("settings-templates")
                .configMap(ConfigMapVolumeSourceArgs.builder().name(settings.configMapName).build()).build());
        // The filled settings hold the secrets: in memory only, never on the node's disk.
        volumes.add(VolumeArgs.builder().name("settings")
                .emptyDir(EmptyDirVolumeSourceArgs.builder().medium("Memory").sizeLimit("16Mi").build()).build());
        volumes.add(Hardening.scratch("tmp", "1Gi"));
        volumes.add(Hardening.scratch("data", "2Gi"));
        volumes.add(Hardening.scratch("media", "1Gi"));
        return PodSpecArgs.builder()
                .securityContext(Hardening.pod(APP_UID))
                // No Kubernetes API access, and no Service variables: a Service named mysql would inject
                // MYSQL_PORT=tcp://... and clash with settings read from the environment.
                .automountServiceAccountToken(false)
                .enableServiceLinks(false)
                .initContainers(fill)
                .containers(containers)
                .volumes(volumes);
    }

    /** Exactly the variables the settings' placeholders name, each from its Secret; an unknown one is a bug. */
    private List<EnvVarArgs> fillEnv() {
        Map<String, SecretRef> sources = secretSources();
        Map<String, String> literals = Map.of(MYSQL_USERNAME, PlatformSecrets.OPENEDX_USER,
                MONGODB_USERNAME, PlatformSecrets.OPENEDX_USER);
        List<EnvVarArgs> env = new ArrayList<>();
        boolean jwk = false;
        for (String name : settings.placeholders) {
            if (name.startsWith(JWK_PREFIX)) {
                jwk = true;
            } else if (sources.containsKey(name)) {
                env.add(sources.get(name).env(name));
            } else if (literals.containsKey(name)) {
                env.add(literal(name, literals.get(name)));
            } else {
                throw new IllegalStateException("Tutor's settings of " + scope.platform() + " use the placeholder @@"
                        + name + "@@, which no Secret of the platform fills");
            }
        }
        if (jwk) {
            secrets.jwtPrivateKey.ifPresentOrElse(r -> env.add(r.env("EDXSTACK_JWT_PRIVATE_KEY")),
                    () -> env.add(secrets.jwtSigningSeed.env("EDXSTACK_JWT_SIGNING_SEED")));
        }
        return env;
    }

    /** The Secret key a placeholder's variable comes from; a variable no Secret fills is a bug, reported. */
    SecretRef secretRef(String variable) {
        SecretRef ref = secretSources().get(variable);
        if (ref == null) {
            throw new IllegalStateException("Tutor's render of " + scope.platform() + " uses the placeholder @@"
                    + variable + "@@, which no Secret of the platform fills");
        }
        return ref;
    }

    private Map<String, SecretRef> secretSources() {
        Map<String, SecretRef> sources = new LinkedHashMap<>();
        sources.put(SECRET_KEY, secrets.secretKey);
        sources.put(JWT_SECRET_KEY, secrets.jwtSecretKey);
        sources.put(CMS_OAUTH2_SECRET, secrets.cmsOauth2);
        secrets.mysql.username().ifPresent(r -> sources.put(MYSQL_USERNAME, r));
        sources.put(MYSQL_PASSWORD, secrets.mysql.password());
        secrets.mongodb.username().ifPresent(r -> sources.put(MONGODB_USERNAME, r));
        sources.put(MONGODB_PASSWORD, secrets.mongodb.password());
        sources.put(REDIS_PASSWORD, secrets.redisPassword);
        sources.put(MEILISEARCH_API_KEY, secrets.meilisearchApiKey);
        if (scope.spec().services().meilisearch().internal()) {
            sources.put(MEILISEARCH_API_KEY_UID, secrets.meilisearchApiKeyUid);
        }
        secrets.smtp.ifPresent(smtp -> {
            smtp.username().ifPresent(r -> sources.put(SMTP_USERNAME, r));
            sources.put(SMTP_PASSWORD, smtp.password());
        });
        sources.put(AWS_ACCESS_KEY_ID, secrets.mediaAccessKey);
        sources.put(AWS_SECRET_ACCESS_KEY, secrets.mediaSecretKey);
        return sources;
    }

    private static Map<String, String> scratch() {
        Map<String, String> scratch = new LinkedHashMap<>();
        scratch.put("tmp", "/tmp");
        scratch.put("data", "/openedx/data");
        scratch.put("media", "/openedx/media");
        return scratch;
    }

    static EnvVarArgs literal(String name, String value) {
        return EnvVarArgs.builder().name(name).value(value).build();
    }
}
