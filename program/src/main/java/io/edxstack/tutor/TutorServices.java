package io.edxstack.tutor;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tutor's data services (RUN_MYSQL, MYSQL_HOST, ...) as the platform's {@code services}: Tutor's own become
 * edxstack's in-cluster ones, external ones keep their address and get a command that copies their
 * credentials into a Secret of the namespace.
 */
final class TutorServices {
    private final TutorKeys keys;
    private final String platform;
    private final SecretCommands commands;

    TutorServices(TutorKeys keys, String platform, SecretCommands commands) {
        this.keys = keys;
        this.platform = platform;
        this.commands = commands;
    }

    /** The services section; {@code hosts} gains Meilisearch's public host when Tutor served one. */
    Map<String, Object> map(Map<String, Object> hosts) {
        Map<String, Object> services = new LinkedHashMap<>();
        mysql(services);
        mongodb(services);
        redis(services);
        meilisearch(services, hosts);
        smtp(services);
        return services;
    }

    private void mysql(Map<String, Object> services) {
        boolean run = keys.flag("RUN_MYSQL", true);
        Optional<String> host = keys.text("MYSQL_HOST");
        Optional<String> port = keys.text("MYSQL_PORT");
        Optional<String> username = keys.text("OPENEDX_MYSQL_USERNAME");
        keys.text("OPENEDX_MYSQL_DATABASE").filter(db -> !db.equals("openedx")).ifPresent(db -> keys.notMapped.put(
                "OPENEDX_MYSQL_DATABASE", "edxstack's database is 'openedx'; restore '" + db + "' under that name"));
        keys.text("MYSQL_ROOT_USERNAME").ifPresent(root -> keys.notMapped.put("MYSQL_ROOT_USERNAME",
                run ? "the in-cluster MySQL's root user is 'root'" : "not needed: the external database and user exist"));
        if (run) {
            host.ifPresent(h -> keys.notMapped.put("MYSQL_HOST", "applies to Tutor's own MySQL (RUN_MYSQL true)"));
            port.ifPresent(p -> keys.notMapped.put("MYSQL_PORT", "applies to Tutor's own MySQL (RUN_MYSQL true)"));
            keys.secrets.put("MYSQL_ROOT_PASSWORD", "derived from edxstack:keys.secrets.masterKey; not carried over");
            keys.secrets.put("OPENEDX_MYSQL_PASSWORD", "derived; the mysql-init job sets it on the restored database's user");
            keys.handled.add("MYSQL_ROOT_PASSWORD");
            keys.handled.add("OPENEDX_MYSQL_PASSWORD");
            return;
        }
        services.put("mysql", external(host, port, "mysql", "RUN_MYSQL", "MYSQL_HOST", "MYSQL_PORT"));
        keys.secrets.put("OPENEDX_MYSQL_PASSWORD", "kept: in Secret " + platform + "-mysql (command below)");
        keys.secrets.put("MYSQL_ROOT_PASSWORD", "not needed by edxstack for an external MySQL; not carried over");
        keys.handled.add("OPENEDX_MYSQL_PASSWORD");
        keys.handled.add("MYSQL_ROOT_PASSWORD");
        Map<String, String> secretKeys = new LinkedHashMap<>();
        secretKeys.put("username", username.isPresent() ? "OPENEDX_MYSQL_USERNAME" : "=openedx");
        secretKeys.put("password", "OPENEDX_MYSQL_PASSWORD");
        keys.instructions.add(commands.kubernetesSecret(platform, platform + "-mysql", secretKeys));
    }

    private void mongodb(Map<String, Object> services) {
        boolean run = keys.flag("RUN_MONGODB", true);
        Optional<String> host = keys.text("MONGODB_HOST");
        Optional<String> port = keys.text("MONGODB_PORT");
        Optional<String> username = keys.text("MONGODB_USERNAME");
        boolean tls = keys.flag("MONGODB_USE_SSL", false);
        keys.text("MONGODB_DATABASE").filter(db -> !db.equals("openedx")).ifPresent(db -> keys.notMapped.put(
                "MONGODB_DATABASE", "edxstack's database is 'openedx'; restore '" + db + "' under that name"));
        keys.handled.add("MONGODB_PASSWORD");
        if (run) {
            host.ifPresent(h -> keys.notMapped.put("MONGODB_HOST", "applies to Tutor's own MongoDB (RUN_MONGODB true)"));
            port.ifPresent(p -> keys.notMapped.put("MONGODB_PORT", "applies to Tutor's own MongoDB (RUN_MONGODB true)"));
            return;
        }
        Map<String, Object> service = external(host, port, "mongodb", "RUN_MONGODB", "MONGODB_HOST", "MONGODB_PORT");
        if (tls) {
            service.put("tls", true);
            keys.map("MONGODB_USE_SSL", "services.mongodb.tls");
        }
        services.put("mongodb", service);
        keys.secrets.put("MONGODB_PASSWORD", "kept: in Secret " + platform + "-mongodb (command below)");
        Map<String, String> secretKeys = new LinkedHashMap<>();
        secretKeys.put("username", username.isPresent() ? "MONGODB_USERNAME" : "=");
        secretKeys.put("password", keys.config.containsKey("MONGODB_PASSWORD") ? "MONGODB_PASSWORD" : "=");
        keys.instructions.add(commands.kubernetesSecret(platform, platform + "-mongodb", secretKeys));
    }

    private void redis(Map<String, Object> services) {
        boolean run = keys.flag("RUN_REDIS", true);
        Optional<String> host = keys.text("REDIS_HOST");
        Optional<String> port = keys.text("REDIS_PORT");
        keys.text("REDIS_USERNAME").ifPresent(u -> keys.notMapped.put("REDIS_USERNAME", "edxstack authenticates to Redis by password only"));
        keys.handled.add("REDIS_PASSWORD");
        if (run) {
            host.ifPresent(h -> keys.notMapped.put("REDIS_HOST", "applies to Tutor's own Redis (RUN_REDIS true)"));
            port.ifPresent(p -> keys.notMapped.put("REDIS_PORT", "applies to Tutor's own Redis (RUN_REDIS true)"));
            return;
        }
        services.put("redis", external(host, port, "redis", "RUN_REDIS", "REDIS_HOST", "REDIS_PORT"));
        keys.secrets.put("REDIS_PASSWORD", "kept: in Secret " + platform + "-redis (command below)");
        keys.instructions.add(commands.kubernetesSecret(platform, platform + "-redis",
                Map.of("password", keys.config.containsKey("REDIS_PASSWORD") ? "REDIS_PASSWORD" : "=")));
    }

    private void meilisearch(Map<String, Object> services, Map<String, Object> hosts) {
        boolean run = keys.flag("RUN_MEILISEARCH", true);
        Optional<String> url = keys.text("MEILISEARCH_URL");
        keys.text("MEILISEARCH_INDEX_PREFIX").filter(p -> !p.equals("tutor_")).ifPresent(p -> keys.notMapped.put(
                "MEILISEARCH_INDEX_PREFIX", "edxstack uses Tutor's default prefix 'tutor_'; reindex after the move"));
        keys.handled.add("MEILISEARCH_API_KEY_UID");
        keys.handled.add("MEILISEARCH_API_KEY");
        keys.handled.add("MEILISEARCH_MASTER_KEY");
        Optional<String> publicUrl = keys.text("MEILISEARCH_PUBLIC_URL");
        if (run) {
            url.ifPresent(u -> keys.notMapped.put("MEILISEARCH_URL", "applies to Tutor's own Meilisearch"));
            // Tutor serves its Meilisearch at meilisearch.<LMS_HOST> unless MEILISEARCH_PUBLIC_URL says otherwise.
            Optional<String> publicHost = publicUrl.flatMap(TutorServices::hostOf);
            hosts.put("meilisearch", publicHost.orElse("meilisearch." + hosts.get("lms")));
            publicUrl.ifPresent(u -> {
                if (publicHost.isPresent()) {
                    keys.map("MEILISEARCH_PUBLIC_URL", "hosts.meilisearch");
                } else {
                    keys.notMapped.put("MEILISEARCH_PUBLIC_URL", "not a URL with a host (got '" + u
                            + "'); hosts.meilisearch set to Tutor's default");
                }
            });
            keys.secrets.put("MEILISEARCH_MASTER_KEY", "derived from edxstack:keys.secrets.masterKey; reindex after the move");
            return;
        }
        publicUrl.ifPresent(u -> keys.notMapped.put("MEILISEARCH_PUBLIC_URL", "with an external Meilisearch, put it in "
                + platform + ".settings.json as MEILISEARCH_PUBLIC_URL (hosts.meilisearch serves edxstack's own)"));
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("mode", "external");
        url.map(URI::create).ifPresent(uri -> {
            service.put("host", uri.getHost());
            service.put("port", uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80);
            if (uri.getScheme().equals("https")) {
                service.put("tls", true);
            }
            keys.map("MEILISEARCH_URL", "services.meilisearch.host/port/tls");
        });
        service.put("existingSecret", platform + "-meilisearch");
        keys.map("RUN_MEILISEARCH", "services.meilisearch.mode: external");
        services.put("meilisearch", service);
        keys.secrets.put("MEILISEARCH_API_KEY", "kept: in Secret " + platform + "-meilisearch (command below)");
        keys.instructions.add(commands.kubernetesSecret(platform, platform + "-meilisearch",
                Map.of("api-key", "MEILISEARCH_API_KEY")));
    }

    private void smtp(Map<String, Object> services) {
        boolean run = keys.flag("RUN_SMTP", true);
        Optional<String> host = keys.text("SMTP_HOST");
        Optional<String> port = keys.text("SMTP_PORT");
        Optional<String> username = keys.text("SMTP_USERNAME");
        boolean tls = keys.flag("SMTP_USE_TLS", false);
        keys.text("SMTP_USE_SSL").ifPresent(s -> keys.notMapped.put("SMTP_USE_SSL", "edxstack speaks STARTTLS (SMTP_USE_TLS) only"));
        keys.handled.add("SMTP_PASSWORD");
        if (run) {
            host.ifPresent(h -> keys.notMapped.put("SMTP_HOST", "applies to Tutor's own relay (RUN_SMTP true)"));
            port.ifPresent(p -> keys.notMapped.put("SMTP_PORT", "applies to Tutor's own relay (RUN_SMTP true)"));
            return;
        }
        Map<String, Object> service = external(host, port, "smtp", "RUN_SMTP", "SMTP_HOST", "SMTP_PORT");
        service.remove("existingSecret");
        if (tls) {
            service.put("tls", true);
            keys.map("SMTP_USE_TLS", "services.smtp.tls");
        }
        if (username.isPresent()) {
            service.put("existingSecret", platform + "-smtp");
            keys.secrets.put("SMTP_PASSWORD", "kept: in Secret " + platform + "-smtp (command below)");
            Map<String, String> secretKeys = new LinkedHashMap<>();
            secretKeys.put("username", "SMTP_USERNAME");
            secretKeys.put("password", "SMTP_PASSWORD");
            keys.instructions.add(commands.kubernetesSecret(platform, platform + "-smtp", secretKeys));
            keys.map("SMTP_USERNAME", "Secret " + platform + "-smtp");
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
        keys.map(runKey, "services." + name + ".mode: external");
        host.ifPresent(h -> keys.map(hostKey, "services." + name + ".host"));
        port.ifPresent(p -> keys.map(portKey, "services." + name + ".port"));
        return service;
    }

    /** The host of a URL such as https://meilisearch.example.org, if it has one. */
    private static Optional<String> hostOf(String url) {
        try {
            return Optional.ofNullable(URI.create(url.trim()).getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
