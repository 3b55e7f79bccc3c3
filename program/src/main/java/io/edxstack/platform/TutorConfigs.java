package io.edxstack.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edxstack.config.PlatformSpec;
import io.edxstack.config.StackConfig;
import io.edxstack.config.TutorPlugin;
import io.edxstack.config.StackConfig.MediaConfig;
import io.edxstack.tutorenv.TutorEnvironment;
import io.edxstack.tutorenv.TutorRenderer;
import io.edxstack.tutorenv.TutorRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Tutor config of a platform, derived from its catalogue entry and the stack: hosts, languages, images,
 * data services (internal or external), SMTP, Tutor plugins, plus edxstack's patches (media in S3, time zone,
 * the platform's {@code settings.json}). Secrets never enter it: each is a placeholder {@code @@VARIABLE@@} that
 * the pod fills at start from the platform's Secrets ({@code edxstack_fill.py}), so Tutor's output is safe in a
 * ConfigMap, in a render and in the render cache.
 */
public final class TutorConfigs {
    /** Tutor's index prefix, kept so that indexes restored from a Tutor installation are found. */
    static final String MEILISEARCH_INDEX_PREFIX = "tutor_";
    static final String DATABASE = "openedx";
    /** Where Learning Core (openedx-learning) keeps its private media in the platform's bucket. */
    static final String LEARNING_CORE_MEDIA = "openedx-learning-private";
    /** The placeholder Tutor renders the JWT signing key's components from (see tutor/render.py). */
    static final String JWT_KEY = "@@EDXSTACK_JWT_KEY@@";
    private static final JsonMapper JSON = io.edxstack.reading.Mappers.json().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private TutorConfigs() {
    }

    static String placeholder(String variable) {
        return "@@" + variable + "@@";
    }

    /**
     * Starts rendering every platform of a stack in the background (cache misses in one Tutor process), as soon
     * as the stack is loaded: each platform's component then waits only for its own environment.
     */
    public static void prepare(List<PlatformSpec> specs, StackConfig stack) {
        TutorRenderer.prefetch(specs.stream().map(spec -> request(spec, stack)).toList());
    }

    static TutorEnvironment environment(PlatformSpec spec, StackConfig stack) {
        return TutorRenderer.render(request(spec, stack));
    }

    /** The Tutor plugins of a platform: tutor-mfe whenever it runs an MFE, then those of its {@code plugins:}. */
    public static List<String> plugins(PlatformSpec spec) {
        List<String> plugins = new ArrayList<>(spec.hasMfe() ? List.of("mfe") : List.of());
        spec.plugins().forEach(plugin -> plugins.add(plugin.name()));
        return plugins;
    }

    /** The text of each YAML plugin of the repository the platform enables, by name. */
    public static Map<String, String> yamlPlugins(PlatformSpec spec) {
        Map<String, String> texts = new LinkedHashMap<>();
        spec.plugins().forEach(plugin -> {
            if (plugin instanceof TutorPlugin.Yaml yaml) {
                texts.put(yaml.name(), yaml.text());
            }
        });
        return texts;
    }

    public static TutorRequest request(PlatformSpec spec, StackConfig stack) {
        return new TutorRequest(spec.name(), config(spec), plugins(spec), patches(spec, stack.workloads().media()),
                yamlPlugins(spec));
    }

    static ObjectNode config(PlatformSpec spec) {
        ObjectNode c = JSON.createObjectNode();
        var hosts = spec.hosts();
        var settings = spec.settings();
        c.put("ID", spec.name());
        c.put("K8S_NAMESPACE", spec.name());
        c.putArray("PLUGIN_INDEXES");
        c.put("LMS_HOST", hosts.lms());
        c.put("CMS_HOST", hosts.cms());
        hosts.mfe().filter(m -> spec.hasMfe()).ifPresent(mfe -> c.put("MFE_HOST", mfe));
        c.put("ENABLE_HTTPS", settings.enableHttps());
        c.put("PLATFORM_NAME", settings.platformName());
        c.put("CONTACT_EMAIL", settings.contactEmail());
        c.put("LANGUAGE_CODE", settings.languageCode());

        var images = spec.images();
        c.put("DOCKER_IMAGE_OPENEDX", images.openedx());
        images.mfe().ifPresent(mfe -> c.put("MFE_DOCKER_IMAGE", mfe));
        c.put("DOCKER_IMAGE_CADDY", images.caddy());
        c.put("DOCKER_IMAGE_MYSQL", images.mysql());
        c.put("DOCKER_IMAGE_MONGODB", images.mongodb());
        c.put("DOCKER_IMAGE_REDIS", images.redis());
        c.put("DOCKER_IMAGE_MEILISEARCH", images.meilisearch());
        c.put("DOCKER_IMAGE_SMTP", images.smtp());

        ServiceEndpoints endpoints = ServiceEndpoints.of(spec);
        var services = spec.services();
        c.put("RUN_MYSQL", services.mysql().internal());
        c.put("MYSQL_HOST", endpoints.mysql().host());
        c.put("MYSQL_PORT", endpoints.mysql().port());
        c.put("OPENEDX_MYSQL_DATABASE", DATABASE);
        c.put("OPENEDX_MYSQL_USERNAME", services.mysql().internal() ? PlatformSecrets.OPENEDX_USER
                : placeholder(OpenedxPod.MYSQL_USERNAME));
        c.put("OPENEDX_MYSQL_PASSWORD", placeholder(OpenedxPod.MYSQL_PASSWORD));
        c.put("MYSQL_ROOT_PASSWORD", placeholder(OpenedxPod.MYSQL_ROOT_PASSWORD));

        c.put("RUN_MONGODB", services.mongodb().internal());
        c.put("MONGODB_HOST", endpoints.mongodb().host());
        c.put("MONGODB_PORT", endpoints.mongodb().port());
        c.put("MONGODB_DATABASE", DATABASE);
        c.put("MONGODB_USE_SSL", endpoints.mongodb().tls());
        c.put("MONGODB_USERNAME", services.mongodb().internal() ? PlatformSecrets.OPENEDX_USER
                : placeholder(OpenedxPod.MONGODB_USERNAME));
        c.put("MONGODB_PASSWORD", placeholder(OpenedxPod.MONGODB_PASSWORD));

        c.put("RUN_REDIS", services.redis().internal());
        c.put("REDIS_HOST", endpoints.redis().host());
        c.put("REDIS_PORT", endpoints.redis().port());
        // Redis's own user of requirepass: Tutor writes credentials into the URLs only with both set.
        c.put("REDIS_USERNAME", "default");
        c.put("REDIS_PASSWORD", placeholder(OpenedxPod.REDIS_PASSWORD));

        c.put("RUN_MEILISEARCH", services.meilisearch().internal());
        c.put("MEILISEARCH_URL", endpoints.meilisearchUrl());
        c.put("MEILISEARCH_INDEX_PREFIX", MEILISEARCH_INDEX_PREFIX);
        c.put("MEILISEARCH_API_KEY", placeholder(OpenedxPod.MEILISEARCH_API_KEY));
        c.put("MEILISEARCH_API_KEY_UID", placeholder(OpenedxPod.MEILISEARCH_API_KEY_UID));
        // The master key stays with Meilisearch and its init job; the web pods never hold it.
        c.put("MEILISEARCH_MASTER_KEY", "");
        // Without hosts.meilisearch Tutor's default (meilisearch.<LMS host>) stays in the settings, unrouted.
        hosts.meilisearch().ifPresent(host -> c.put("MEILISEARCH_PUBLIC_URL", PlatformUrls.url(spec, host)));

        c.put("RUN_SMTP", services.smtp().internal());
        c.put("SMTP_HOST", endpoints.smtp().host());
        c.put("SMTP_PORT", endpoints.smtp().port());
        c.put("SMTP_USE_TLS", endpoints.smtp().tls());
        boolean smtpAuth = services.smtp().existingSecret().isPresent();
        c.put("SMTP_USERNAME", smtpAuth ? placeholder(OpenedxPod.SMTP_USERNAME) : "");
        c.put("SMTP_PASSWORD", smtpAuth ? placeholder(OpenedxPod.SMTP_PASSWORD) : "");

        c.put("OPENEDX_SECRET_KEY", placeholder(OpenedxPod.SECRET_KEY));
        c.put("JWT_COMMON_SECRET_KEY", placeholder(OpenedxPod.JWT_SECRET_KEY));
        c.put("JWT_RSA_PRIVATE_KEY", JWT_KEY);
        c.put("CMS_OAUTH2_SECRET", placeholder(OpenedxPod.CMS_OAUTH2_SECRET));
        c.put("OPENEDX_AWS_ACCESS_KEY", placeholder(OpenedxPod.AWS_ACCESS_KEY_ID));
        c.put("OPENEDX_AWS_SECRET_ACCESS_KEY", placeholder(OpenedxPod.AWS_SECRET_ACCESS_KEY));
        return c;
    }

    /** edxstack's additions to Tutor's settings, as Tutor patches: readable lines in every render and review. */
    static Map<String, List<String>> patches(PlatformSpec spec, MediaConfig media) {
        Map<String, List<String>> patches = new LinkedHashMap<>();
        patches.put("openedx-common-settings", List.of(commonSettings(spec, media)));
        // The front door (Caddy mode) runs Tutor's Caddyfile: certificates from cert-manager, non-root ports.
        patches.putAll(CaddyConfig.patches(CaddyConfig.solvers(spec)));
        for (String variant : List.of("lms", "cms")) {
            var overlay = spec.settingsOverrides().get(variant);
            if (overlay instanceof ObjectNode object && !object.isEmpty()) {
                patches.put("openedx-" + variant + "-production-settings", List.of(merge(spec, variant, object)));
            }
        }
        return patches;
    }

    private static String commonSettings(PlatformSpec spec, MediaConfig media) {
        List<String> lines = new ArrayList<>();
        lines.add("# edxstack: media in the platform's own bucket (Ceph RGW): path-style, SigV4, credentials from its Secret");
        lines.add("if isinstance(globals().get(\"STORAGES\"), dict):");
        lines.add("    STORAGES[\"default\"] = {\"BACKEND\": \"storages.backends.s3boto3.S3Boto3Storage\"}");
        lines.add("else:");
        lines.add("    DEFAULT_FILE_STORAGE = \"storages.backends.s3boto3.S3Boto3Storage\"");
        lines.add("AWS_STORAGE_BUCKET_NAME = " + python(PlatformUrls.bucket(spec, media)));
        lines.add("AWS_S3_ENDPOINT_URL = " + python(media.endpoint()));
        lines.add("AWS_S3_REGION_NAME = " + python(media.region()));
        lines.add("AWS_S3_ADDRESSING_STYLE = \"path\"");
        lines.add("AWS_S3_SIGNATURE_VERSION = \"s3v4\"");
        lines.add("AWS_QUERYSTRING_AUTH = True");
        lines.add("AWS_S3_FILE_OVERWRITE = False");
        lines.add("AWS_DEFAULT_ACL = None");
        lines.add("# edxstack: Learning Core's private media (Tutor's /openedx/media-private, a folder of the read-only image,");
        lines.add("# on no pod's disk) in the same bucket under " + LEARNING_CORE_MEDIA + "/: private, served by signed URLs");
        lines.add("OPENEDX_LEARNING[\"MEDIA\"] = {\"BACKEND\": \"storages.backends.s3boto3.S3Boto3Storage\", \"OPTIONS\": "
                + "{\"location\": " + python(LEARNING_CORE_MEDIA) + ", \"default_acl\": None, \"querystring_auth\": True}}");
        lines.add("# edxstack: the catalogue's time zone (settings.timeZone)");
        lines.add("TIME_ZONE = " + python(spec.settings().timeZone()));
        return String.join("\n", lines);
    }

    /** The platform's settings.json for one service, merged over Tutor's settings: objects key by key. */
    private static String merge(PlatformSpec spec, String variant, ObjectNode overlay) {
        String json;
        try {
            json = JSON.writeValueAsString(JSON.treeToValue(overlay, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + spec.file() + " settings", e);
        }
        return String.join("\n",
                "# edxstack: \"" + variant + "\" of stacks/platforms/" + spec.name() + ".settings.json, merged over the settings above",
                "# (objects key by key, recursively; anything else replaces the value whole)",
                "import json as _edxstack_json",
                "def _edxstack_merge(base, overlay):",
                "    if isinstance(overlay, dict) and hasattr(base, \"keys\") and hasattr(base, \"__setitem__\"):",
                "        for key, value in overlay.items():",
                "            base[key] = _edxstack_merge(base[key] if key in base else None, value)",
                "        return base",
                "    return overlay",
                "for _edxstack_name, _edxstack_value in _edxstack_json.loads(r\"\"\"",
                json,
                "\"\"\").items():",
                "    globals()[_edxstack_name] = _edxstack_merge(globals().get(_edxstack_name), _edxstack_value)");
    }

    /** A Python string literal: JSON's string syntax is one (the escapes it writes all mean the same in Python). */
    static String python(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
