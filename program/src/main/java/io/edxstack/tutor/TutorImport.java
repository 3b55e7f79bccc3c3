package io.edxstack.tutor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Maps a Tutor v21 {@code config.yml} to a platform of the catalogue. Every key ends up in one of three
 * lists: mapped (where it went), secret (what edxstack does instead; the value is never read into the
 * output) or not mapped (why). Secrets edxstack derives are not carried over; those the platform must
 * keep (external database credentials, the JWT signing key, SMTP and S3 credentials) come with commands
 * that copy them from the Tutor file straight into a Kubernetes or Pulumi secret.
 */
public final class TutorImport {
    /** Tutor v21's images when config.yml does not override them (it holds only what the operator set). */
    static final String DEFAULT_OPENEDX_IMAGE = "overhangio/openedx:21.0.0";
    static final String DEFAULT_MFE_IMAGE = "overhangio/openedx-mfe:21.0.0";
    static final String REGISTRY = "localhost:5000/";
    private static final Map<String, String> IMAGES = Map.of("DOCKER_IMAGE_OPENEDX", "openedx", "DOCKER_IMAGE_MFE", "mfe",
            "DOCKER_IMAGE_MYSQL", "mysql", "DOCKER_IMAGE_MONGODB", "mongodb", "DOCKER_IMAGE_REDIS", "redis",
            "DOCKER_IMAGE_MEILISEARCH", "meilisearch", "DOCKER_IMAGE_SMTP", "smtp", "DOCKER_IMAGE_CADDY", "caddy");
    private static final Map<String, String> SETTINGS = Map.of("PLATFORM_NAME", "platformName",
            "CONTACT_EMAIL", "contactEmail", "LANGUAGE_CODE", "languageCode", "ENABLE_HTTPS", "enableHttps");
    private static final Map<String, String> STACK_LEVEL = Map.of(
            "ENABLE_WEB_PROXY", "stack-level: edxstack:frontDoor.mode (caddy when Tutor's Caddy faced users)",
            "K8S_NAMESPACE", "the namespace is the platform's name",
            "DOCKER_REGISTRY", "images are taken from Magnum's registry (localhost:5000)",
            "ENABLE_WEB_PROXY_HTTPS", "stack-level: edxstack:frontDoor.mode",
            "PLUGIN_INDEXES", "Tutor's plugin indexes: edxstack installs plugins only from tutor/requirements.lock");

    private final String platform;
    private final List<String> stacks;
    private final TutorKeys keys;
    private final SecretCommands commands;
    private final PluginSources pluginSources;
    private final Map<String, String> pluginFiles = new TreeMap<>();

    private TutorImport(String platform, List<String> stacks, JsonNode tutorConfig, String configPath,
                        PluginSources pluginSources) {
        this.platform = platform;
        this.stacks = List.copyOf(stacks);
        this.keys = new TutorKeys(tutorConfig);
        this.commands = new SecretCommands(configPath);
        this.pluginSources = pluginSources;
    }

    public static ImportReport map(String platform, List<String> stacks, JsonNode tutorConfig,
                                   Optional<JsonNode> settingsMerge, String configPath, PluginSources pluginSources) {
        return new TutorImport(platform, stacks, tutorConfig, configPath, pluginSources).run(settingsMerge);
    }

    private ImportReport run(Optional<JsonNode> settingsMerge) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("name", platform);
        yaml.put("stacks", stacks);
        Map<String, Object> hosts = hosts();
        yaml.put("hosts", hosts);
        yaml.put("images", images());
        Map<String, Object> settings = settings();
        if (!settings.isEmpty()) {
            yaml.put("settings", settings);
        }
        List<String> plugins = plugins();
        if (!plugins.isEmpty()) {
            yaml.put("plugins", plugins);
        }
        Map<String, Object> services = new TutorServices(keys, platform, commands).map(hosts);
        if (!services.isEmpty()) {
            yaml.put("services", services);
        }
        jwt(yaml);
        media();
        derivedSecrets();
        for (String key : keys.config.keySet()) {
            if (keys.handled.contains(key)) {
                continue;
            }
            if (TutorSecretKeys.isSecret(key)) {
                keys.secrets.put(key, "not carried over: edxstack does not know this secret (a plugin's?); "
                        + "read it with: " + commands.read(key));
            } else if (STACK_LEVEL.containsKey(key)) {
                keys.notMapped.put(key, STACK_LEVEL.get(key));
            } else {
                keys.notMapped.put(key, "unknown to edxstack, perhaps a plugin setting or a settings.json entry");
            }
        }
        Optional<Map<String, Object>> overrides = settingsMerge.map(json -> DjangoJson.toMap(split(json)));
        return new ImportReport(yaml, overrides, keys.mapped, keys.notMapped, keys.secrets, keys.instructions, pluginFiles);
    }

    /**
     * settings_merge.json as teams write it: split ({"lms": {...}, "cms": {...}}) is kept; a flat block of settings
     * (what Tutor-to-Kubernetes workflows keep next to config.yml) is merged into both services.
     */
    static JsonNode split(JsonNode merge) {
        if (!merge.isObject() || merge.isEmpty()) {
            return merge;
        }
        boolean split = true;
        for (var names = merge.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            split &= (name.equals("lms") || name.equals("cms")) && merge.get(name).isObject();
        }
        if (split) {
            return merge;
        }
        ObjectNode both = DjangoJson.JSON.createObjectNode();
        both.set("lms", merge.deepCopy());
        both.set("cms", merge.deepCopy());
        return both;
    }

    private Map<String, Object> hosts() {
        Map<String, Object> hosts = new LinkedHashMap<>();
        for (String service : List.of("LMS", "CMS")) {
            keys.text(service + "_HOST").ifPresentOrElse(host -> {
                hosts.put(service.toLowerCase(), host);
                keys.map(service + "_HOST", "hosts." + service.toLowerCase());
            }, () -> hosts.put(service.toLowerCase(), "MISSING-" + service.toLowerCase() + ".example.org"));
        }
        if (mfeEnabled()) {
            Optional<String> mfe = keys.text("MFE_HOST");
            hosts.put("mfe", mfe.orElse("apps." + hosts.get("lms")));
            mfe.ifPresent(m -> keys.map("MFE_HOST", "hosts.mfe"));
        }
        return hosts;
    }

    /** {@code PLUGINS} of config.yml: tutor-mfe's "mfe" (which edxstack enables with the MFE) among the others. */
    private List<String> tutorPlugins() {
        keys.handled.add("PLUGINS");
        JsonNode plugins = keys.config.get("PLUGINS");
        List<String> names = new ArrayList<>();
        if (plugins != null && plugins.isArray()) {
            plugins.forEach(plugin -> names.add(plugin.asText()));
        }
        return names;
    }

    private boolean mfeEnabled() {
        return tutorPlugins().contains("mfe") || keys.config.containsKey("MFE_HOST")
                || keys.config.containsKey("DOCKER_IMAGE_MFE");
    }

    /**
     * The plugins besides tutor-mfe, for {@code plugins:}: those edxstack can load (a YAML plugin of the repository
     * or of the Tutor installation, which is then copied, or one installed in the pinned Tutor); each other one is
     * reported with what to do.
     */
    private List<String> plugins() {
        List<String> enabled = new ArrayList<>();
        for (String name : tutorPlugins()) {
            String key = "PLUGINS: " + name;
            if (name.equals("mfe")) {
                keys.map(key, "built in: tutor-mfe runs with images.mfe and hosts.mfe");
            } else if (pluginSources.repository().contains(name)) {
                enabled.add(name);
                keys.map(key, "plugins (the YAML plugin tutor/plugins/" + name + ".yml of the repository)");
            } else if (pluginSources.found().containsKey(name)) {
                enabled.add(name);
                pluginFiles.put(name, pluginSources.found().get(name).text());
                keys.map(key, "plugins (its YAML plugin copied to tutor/plugins/" + name + ".yml)");
            } else if (pluginSources.unusable().containsKey(name)) {
                keys.notMapped.put(key, pluginSources.unusable().get(name));
            } else if (pluginSources.installed().get().contains(name)) {
                enabled.add(name);
                keys.map(key, "plugins (installed in the pinned Tutor)");
            } else {
                keys.notMapped.put(key, "not in the pinned Tutor (tutor/requirements.lock) nor a YAML plugin of the "
                        + "repository or of --plugins-dir: a pip plugin needs its package, pinned, in "
                        + "tutor/requirements.in and tutor/lock.sh run; a YAML plugin, --plugins-dir \"$(tutor plugins "
                        + "printroot)\"; then list it under plugins: of the platform file");
            }
        }
        return enabled;
    }

    private Map<String, Object> images() {
        Map<String, Object> images = new LinkedHashMap<>();
        images.put("openedx", REGISTRY + DEFAULT_OPENEDX_IMAGE);
        if (mfeEnabled()) {
            images.put("mfe", REGISTRY + DEFAULT_MFE_IMAGE);
        }
        new TreeMap<>(IMAGES).forEach((key, target) -> keys.text(key).ifPresent(image -> {
            images.put(target, REGISTRY + withoutRegistry(image));
            keys.map(key, "images." + target + " (mirror " + image + " to Magnum's registry)");
        }));
        return images;
    }

    /** {@code docker.io/overhangio/openedx:21.0.0} -> {@code overhangio/openedx:21.0.0}. */
    static String withoutRegistry(String image) {
        int slash = image.indexOf('/');
        if (slash > 0) {
            String first = image.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return image.substring(slash + 1);
            }
        }
        return image;
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        new TreeMap<>(SETTINGS).forEach((key, target) -> keys.text(key).ifPresent(value -> {
            settings.put(target, target.equals("enableHttps") ? (Object) Boolean.parseBoolean(value) : value);
            keys.map(key, "settings." + target);
        }));
        return settings;
    }

    /** Keeping Tutor's JWT key keeps every issued token valid across the move. */
    private void jwt(Map<String, Object> yaml) {
        keys.handled.add("JWT_RSA_PRIVATE_KEY");
        if (!keys.config.containsKey("JWT_RSA_PRIVATE_KEY")) {
            return;
        }
        yaml.put("jwt", Map.of("existingSecret", platform + "-jwt"));
        keys.secrets.put("JWT_RSA_PRIVATE_KEY", "kept: in Secret " + platform + "-jwt (command below)");
        keys.instructions.add(commands.kubernetesSecret(platform, platform + "-jwt", Map.of("private.pem", "JWT_RSA_PRIVATE_KEY")));
    }

    /** tutor-minio's / tutor-contrib-s3's credentials become the stack's media credentials. */
    private void media() {
        Optional<String> access = keys.text("OPENEDX_AWS_ACCESS_KEY");
        keys.handled.add("OPENEDX_AWS_SECRET_ACCESS_KEY");
        if (access.isEmpty() || !keys.config.containsKey("OPENEDX_AWS_SECRET_ACCESS_KEY")) {
            return;
        }
        keys.mapped.put("OPENEDX_AWS_ACCESS_KEY", "edxstack:media.accessKeyId (secret, commands below)");
        keys.secrets.put("OPENEDX_AWS_SECRET_ACCESS_KEY", "kept: edxstack:media.secretAccessKey (commands below)");
        for (String stack : stacks) {
            keys.instructions.add(commands.pulumiSecret(stack, "edxstack:media.accessKeyId", "OPENEDX_AWS_ACCESS_KEY"));
            keys.instructions.add(commands.pulumiSecret(stack, "edxstack:media.secretAccessKey", "OPENEDX_AWS_SECRET_ACCESS_KEY"));
        }
    }

    private void derivedSecrets() {
        for (String key : List.of("OPENEDX_SECRET_KEY", "JWT_COMMON_SECRET_KEY", "ID")) {
            if (keys.config.containsKey(key)) {
                keys.handled.add(key);
                keys.secrets.put(key, "derived from edxstack:keys.secrets.masterKey; not carried over (sessions restart)");
            }
        }
        for (String key : keys.config.keySet()) {
            if (key.endsWith("_OAUTH2_SECRET") || key.contains("_OAUTH2_SECRET_")) {
                keys.handled.add(key);
                keys.secrets.put(key, "derived; the init jobs register the OAuth2 clients again");
            }
        }
    }
}
