package io.edxstack.tutor;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

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
            "ENABLE_WEB_PROXY_HTTPS", "stack-level: edxstack:frontDoor.mode");

    private final String platform;
    private final List<String> stacks;
    private final Map<String, JsonNode> config = new TreeMap<>();
    private final SecretCommands commands;
    private final Map<String, String> mapped = new TreeMap<>();
    private final Map<String, String> notMapped = new TreeMap<>();
    private final Map<String, String> secrets = new TreeMap<>();
    private final List<String> instructions = new ArrayList<>();
    private final TreeSet<String> handled = new TreeSet<>();

    private TutorImport(String platform, List<String> stacks, JsonNode tutorConfig, String configPath) {
        this.platform = platform;
        this.stacks = List.copyOf(stacks);
        tutorConfig.fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue()));
        this.commands = new SecretCommands(configPath);
    }

    public static ImportReport map(String platform, List<String> stacks, JsonNode tutorConfig,
                                   Optional<JsonNode> settingsMerge, String configPath) {
        return new TutorImport(platform, stacks, tutorConfig, configPath).run(settingsMerge);
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
        Map<String, Object> services = new LinkedHashMap<>();
        mysql(services);
        mongodb(services);
        redis(services);
        meilisearch(services, hosts);
        smtp(services);
        if (!services.isEmpty()) {
            yaml.put("services", services);
        }
        jwt(yaml);
        media();
        derivedSecrets();
        for (String key : config.keySet()) {
            if (handled.contains(key)) {
                continue;
            }
            if (TutorSecretKeys.isSecret(key)) {
                secrets.put(key, "not carried over: edxstack does not know this secret (a plugin's?); "
                        + "read it with: " + commands.read(key));
            } else if (STACK_LEVEL.containsKey(key)) {
                notMapped.put(key, STACK_LEVEL.get(key));
            } else {
                notMapped.put(key, "unknown to edxstack, perhaps a plugin setting or a settings.json entry");
            }
        }
        Optional<Map<String, Object>> overrides = settingsMerge.map(json -> DjangoJson.toMap(json));
        return new ImportReport(yaml, overrides, mapped, notMapped, secrets, instructions);
    }

    /** The host of a URL such as https://meilisearch.example.org, if it has one. */
    private static Optional<String> hostOf(String url) {
        try {
            return Optional.ofNullable(URI.create(url.trim()).getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<String> text(String key) {
        handled.add(key);
        JsonNode value = config.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        if (text.contains("{{")) {
            notMapped.put(key, "a Jinja template (" + text + "): Tutor renders it, edxstack does not; set the value by hand");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private boolean flag(String key, boolean fallback) {
        return text(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    private void map(String key, String where) {
        mapped.put(key, where);
    }

    private Map<String, Object> hosts() {
        Map<String, Object> hosts = new LinkedHashMap<>();
        for (String service : List.of("LMS", "CMS")) {
            text(service + "_HOST").ifPresentOrElse(host -> {
                hosts.put(service.toLowerCase(), host);
                map(service + "_HOST", "hosts." + service.toLowerCase());
            }, () -> hosts.put(service.toLowerCase(), "MISSING-" + service.toLowerCase() + ".example.org"));
        }
        if (mfeEnabled()) {
            Optional<String> mfe = text("MFE_HOST");
            hosts.put("mfe", mfe.orElse("apps." + hosts.get("lms")));
            mfe.ifPresent(m -> map("MFE_HOST", "hosts.mfe"));
        }
        return hosts;
    }

    private boolean mfeEnabled() {
        handled.add("PLUGINS");
        JsonNode plugins = config.get("PLUGINS");
        List<String> others = new ArrayList<>();
        boolean mfe = false;
        if (plugins != null && plugins.isArray()) {
            for (JsonNode plugin : plugins) {
                if (plugin.asText().equals("mfe")) {
                    mfe = true;
                } else {
                    others.add(plugin.asText());
                }
            }
            notMapped.put("PLUGINS", others.isEmpty() ? "mfe is built in; no other plugin"
                    : "plugins are not run by edxstack: " + String.join(", ", others) + " (mfe is built in)");
        }
        return mfe || config.containsKey("MFE_HOST") || config.containsKey("DOCKER_IMAGE_MFE");
    }

    private Map<String, Object> images() {
        Map<String, Object> images = new LinkedHashMap<>();
        images.put("openedx", REGISTRY + DEFAULT_OPENEDX_IMAGE);
        if (mfeEnabled()) {
            images.put("mfe", REGISTRY + DEFAULT_MFE_IMAGE);
        }
        new TreeMap<>(IMAGES).forEach((key, target) -> text(key).ifPresent(image -> {
            images.put(target, REGISTRY + withoutRegistry(image));
            map(key, "images." + target + " (mirror " + image + " to Magnum's registry)");
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
        new TreeMap<>(SETTINGS).forEach((key, target) -> text(key).ifPresent(value -> {
            settings.put(target, target.equals("enableHttps") ? (Object) Boolean.parseBoolean(value) : value);
            map(key, "settings." + target);
        }));
        return settings;
    }

    private void mysql(Map<String, Object> services) {
        boolean run = flag("RUN_MYSQL", true);
        Optional<String> host = text("MYSQL_HOST");
        Optional<String> port = text("MYSQL_PORT");
        Optional<String> username = text("OPENEDX_MYSQL_USERNAME");
        text("OPENEDX_MYSQL_DATABASE").filter(db -> !db.equals("openedx")).ifPresent(db -> notMapped.put(
                "OPENEDX_MYSQL_DATABASE", "edxstack's database is 'openedx'; restore '" + db + "' under that name"));
        text("MYSQL_ROOT_USERNAME").ifPresent(root -> notMapped.put("MYSQL_ROOT_USERNAME",
                run ? "the in-cluster MySQL's root user is 'root'" : "not needed: the external database and user exist"));
        if (run) {
            host.ifPresent(h -> notMapped.put("MYSQL_HOST", "applies to Tutor's own MySQL (RUN_MYSQL true)"));
            port.ifPresent(p -> notMapped.put("MYSQL_PORT", "applies to Tutor's own MySQL (RUN_MYSQL true)"));
            secrets.put("MYSQL_ROOT_PASSWORD", "derived from edxstack:secrets.masterKey; not carried over");
            secrets.put("OPENEDX_MYSQL_PASSWORD", "derived; the mysql-init job sets it on the restored database's user");
            handled.add("MYSQL_ROOT_PASSWORD");
            handled.add("OPENEDX_MYSQL_PASSWORD");
            return;
        }
        services.put("mysql", external(host, port, "mysql", "RUN_MYSQL", "MYSQL_HOST", "MYSQL_PORT"));
        secrets.put("OPENEDX_MYSQL_PASSWORD", "kept: in Secret " + platform + "-mysql (command below)");
        secrets.put("MYSQL_ROOT_PASSWORD", "not needed by edxstack for an external MySQL; not carried over");
        handled.add("OPENEDX_MYSQL_PASSWORD");
        handled.add("MYSQL_ROOT_PASSWORD");
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("username", username.isPresent() ? "OPENEDX_MYSQL_USERNAME" : "=openedx");
        keys.put("password", "OPENEDX_MYSQL_PASSWORD");
        instructions.add(commands.kubernetesSecret(platform, platform + "-mysql", keys));
    }

    private void mongodb(Map<String, Object> services) {
        boolean run = flag("RUN_MONGODB", true);
        Optional<String> host = text("MONGODB_HOST");
        Optional<String> port = text("MONGODB_PORT");
        Optional<String> username = text("MONGODB_USERNAME");
        boolean tls = flag("MONGODB_USE_SSL", false);
        text("MONGODB_DATABASE").filter(db -> !db.equals("openedx")).ifPresent(db -> notMapped.put(
                "MONGODB_DATABASE", "edxstack's database is 'openedx'; restore '" + db + "' under that name"));
        handled.add("MONGODB_PASSWORD");
        if (run) {
            host.ifPresent(h -> notMapped.put("MONGODB_HOST", "applies to Tutor's own MongoDB (RUN_MONGODB true)"));
            port.ifPresent(p -> notMapped.put("MONGODB_PORT", "applies to Tutor's own MongoDB (RUN_MONGODB true)"));
            return;
        }
        Map<String, Object> service = external(host, port, "mongodb", "RUN_MONGODB", "MONGODB_HOST", "MONGODB_PORT");
        if (tls) {
            service.put("tls", true);
            map("MONGODB_USE_SSL", "services.mongodb.tls");
        }
        services.put("mongodb", service);
        secrets.put("MONGODB_PASSWORD", "kept: in Secret " + platform + "-mongodb (command below)");
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("username", username.isPresent() ? "MONGODB_USERNAME" : "=");
        keys.put("password", config.containsKey("MONGODB_PASSWORD") ? "MONGODB_PASSWORD" : "=");
        instructions.add(commands.kubernetesSecret(platform, platform + "-mongodb", keys));
    }

    private void redis(Map<String, Object> services) {
        boolean run = flag("RUN_REDIS", true);
        Optional<String> host = text("REDIS_HOST");
        Optional<String> port = text("REDIS_PORT");
        text("REDIS_USERNAME").ifPresent(u -> notMapped.put("REDIS_USERNAME", "edxstack authenticates to Redis by password only"));
        handled.add("REDIS_PASSWORD");
        if (run) {
            host.ifPresent(h -> notMapped.put("REDIS_HOST", "applies to Tutor's own Redis (RUN_REDIS true)"));
            port.ifPresent(p -> notMapped.put("REDIS_PORT", "applies to Tutor's own Redis (RUN_REDIS true)"));
            return;
        }
        services.put("redis", external(host, port, "redis", "RUN_REDIS", "REDIS_HOST", "REDIS_PORT"));
        secrets.put("REDIS_PASSWORD", "kept: in Secret " + platform + "-redis (command below)");
        instructions.add(commands.kubernetesSecret(platform, platform + "-redis",
                Map.of("password", config.containsKey("REDIS_PASSWORD") ? "REDIS_PASSWORD" : "=")));
    }

    private void meilisearch(Map<String, Object> services, Map<String, Object> hosts) {
        boolean run = flag("RUN_MEILISEARCH", true);
        Optional<String> url = text("MEILISEARCH_URL");
        text("MEILISEARCH_INDEX_PREFIX").filter(p -> !p.equals("tutor_")).ifPresent(p -> notMapped.put(
                "MEILISEARCH_INDEX_PREFIX", "edxstack uses Tutor's default prefix 'tutor_'; reindex after the move"));
        handled.add("MEILISEARCH_API_KEY_UID");
        handled.add("MEILISEARCH_API_KEY");
        handled.add("MEILISEARCH_MASTER_KEY");
        Optional<String> publicUrl = text("MEILISEARCH_PUBLIC_URL");
        if (run) {
            url.ifPresent(u -> notMapped.put("MEILISEARCH_URL", "applies to Tutor's own Meilisearch"));
            // Tutor serves its Meilisearch at meilisearch.<LMS_HOST> unless MEILISEARCH_PUBLIC_URL says otherwise.
            Optional<String> publicHost = publicUrl.flatMap(TutorImport::hostOf);
            hosts.put("meilisearch", publicHost.orElse("meilisearch." + hosts.get("lms")));
            publicUrl.ifPresent(u -> {
                if (publicHost.isPresent()) {
                    map("MEILISEARCH_PUBLIC_URL", "hosts.meilisearch");
                } else {
                    notMapped.put("MEILISEARCH_PUBLIC_URL", "not a URL with a host (got '" + u
                            + "'); hosts.meilisearch set to Tutor's default");
                }
            });
            secrets.put("MEILISEARCH_MASTER_KEY", "derived from edxstack:secrets.masterKey; reindex after the move");
            return;
        }
        publicUrl.ifPresent(u -> notMapped.put("MEILISEARCH_PUBLIC_URL", "with an external Meilisearch, put it in "
                + platform + ".settings.json as MEILISEARCH_PUBLIC_URL (hosts.meilisearch serves edxstack's own)"));
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("mode", "external");
        url.map(URI::create).ifPresent(uri -> {
            service.put("host", uri.getHost());
            service.put("port", uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80);
            if (uri.getScheme().equals("https")) {
                service.put("tls", true);
            }
            map("MEILISEARCH_URL", "services.meilisearch.host/port/tls");
        });
        service.put("existingSecret", platform + "-meilisearch");
        map("RUN_MEILISEARCH", "services.meilisearch.mode: external");
        services.put("meilisearch", service);
        secrets.put("MEILISEARCH_API_KEY", "kept: in Secret " + platform + "-meilisearch (command below)");
        instructions.add(commands.kubernetesSecret(platform, platform + "-meilisearch",
                Map.of("api-key", "MEILISEARCH_API_KEY")));
    }

    private void smtp(Map<String, Object> services) {
        boolean run = flag("RUN_SMTP", true);
        Optional<String> host = text("SMTP_HOST");
        Optional<String> port = text("SMTP_PORT");
        Optional<String> username = text("SMTP_USERNAME");
        boolean tls = flag("SMTP_USE_TLS", false);
        text("SMTP_USE_SSL").ifPresent(s -> notMapped.put("SMTP_USE_SSL", "edxstack speaks STARTTLS (SMTP_USE_TLS) only"));
        handled.add("SMTP_PASSWORD");
        if (run) {
            host.ifPresent(h -> notMapped.put("SMTP_HOST", "applies to Tutor's own relay (RUN_SMTP true)"));
            port.ifPresent(p -> notMapped.put("SMTP_PORT", "applies to Tutor's own relay (RUN_SMTP true)"));
            return;
        }
        Map<String, Object> service = external(host, port, "smtp", "RUN_SMTP", "SMTP_HOST", "SMTP_PORT");
        service.remove("existingSecret");
        if (tls) {
            service.put("tls", true);
            map("SMTP_USE_TLS", "services.smtp.tls");
        }
        if (username.isPresent()) {
            service.put("existingSecret", platform + "-smtp");
            secrets.put("SMTP_PASSWORD", "kept: in Secret " + platform + "-smtp (command below)");
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("username", "SMTP_USERNAME");
            keys.put("password", "SMTP_PASSWORD");
            instructions.add(commands.kubernetesSecret(platform, platform + "-smtp", keys));
            map("SMTP_USERNAME", "Secret " + platform + "-smtp");
        }
        services.put("smtp", service);
    }

    private Map<String, Object> external(Optional<String> host, Optional<String> port, String name,
                                         String runKey, String hostKey, String portKey) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("mode", "external");
        service.put("host", host.orElse("MISSING-" + name + "-host.example.org"));
        port.ifPresent(p -> service.put("port", Integer.parseInt(p)));
        service.put("existingSecret", platform + "-" + name);
        map(runKey, "services." + name + ".mode: external");
        host.ifPresent(h -> map(hostKey, "services." + name + ".host"));
        port.ifPresent(p -> map(portKey, "services." + name + ".port"));
        return service;
    }

    /** Keeping Tutor's JWT key keeps every issued token valid across the move. */
    private void jwt(Map<String, Object> yaml) {
        handled.add("JWT_RSA_PRIVATE_KEY");
        if (!config.containsKey("JWT_RSA_PRIVATE_KEY")) {
            return;
        }
        yaml.put("jwt", Map.of("existingSecret", platform + "-jwt"));
        secrets.put("JWT_RSA_PRIVATE_KEY", "kept: in Secret " + platform + "-jwt (command below)");
        instructions.add(commands.kubernetesSecret(platform, platform + "-jwt", Map.of("private.pem", "JWT_RSA_PRIVATE_KEY")));
    }

    /** tutor-minio's / tutor-contrib-s3's credentials become the stack's media credentials. */
    private void media() {
        Optional<String> access = text("OPENEDX_AWS_ACCESS_KEY");
        handled.add("OPENEDX_AWS_SECRET_ACCESS_KEY");
        if (access.isEmpty() || !config.containsKey("OPENEDX_AWS_SECRET_ACCESS_KEY")) {
            return;
        }
        mapped.put("OPENEDX_AWS_ACCESS_KEY", "edxstack:media.accessKeyId (secret, commands below)");
        secrets.put("OPENEDX_AWS_SECRET_ACCESS_KEY", "kept: edxstack:media.secretAccessKey (commands below)");
        for (String stack : stacks) {
            instructions.add(commands.pulumiSecret(stack, "edxstack:media.accessKeyId", "OPENEDX_AWS_ACCESS_KEY"));
            instructions.add(commands.pulumiSecret(stack, "edxstack:media.secretAccessKey", "OPENEDX_AWS_SECRET_ACCESS_KEY"));
        }
    }

    private void derivedSecrets() {
        for (String key : List.of("OPENEDX_SECRET_KEY", "JWT_COMMON_SECRET_KEY", "ID")) {
            if (config.containsKey(key)) {
                handled.add(key);
                secrets.put(key, "derived from edxstack:secrets.masterKey; not carried over (sessions restart)");
            }
        }
        for (String key : config.keySet()) {
            if (key.endsWith("_OAUTH2_SECRET") || key.contains("_OAUTH2_SECRET_")) {
                handled.add(key);
                secrets.put(key, "derived; the init jobs register the OAuth2 clients again");
            }
        }
    }
}
