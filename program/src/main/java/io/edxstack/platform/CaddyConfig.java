package io.edxstack.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.edxstack.config.PlatformSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Caddy's native JSON config for a platform's front door: TLS on 8443 with the certificate cert-manager
 * keeps in a Secret (no ACME in Caddy, automatic HTTPS off), and plain HTTP on 8080 that only answers
 * cert-manager's HTTP-01 challenges and the health check and redirects everything else to HTTPS.
 */
final class CaddyConfig {
    static final int HTTP_PORT = 8080;
    static final int HTTPS_PORT = 8443;
    static final String TLS_DIR = "/etc/caddy/tls";
    static final String CONFIG_DIR = "/etc/caddy/config";
    static final String CONFIG_FILE = CONFIG_DIR + "/caddy.json";
    static final String HEALTH_PATH = "/edxstack-healthz";
    static final String ADMIN = "localhost:2019";
    /** Tutor's limit on request bodies (course imports). */
    private static final long MAX_BODY_BYTES = 250L * 1024 * 1024;
    /** Sorted keys: the config's bytes, and so its ConfigMap's name, must not depend on map iteration order. */
    private static final JsonMapper JSON = io.edxstack.reading.Mappers.json()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** A host and where its traffic goes. */
    record Route(String host, String upstream) {
    }

    private CaddyConfig() {
    }

    /** @param solvers host -> Service of cert-manager's solver for that host */
    static String render(PlatformSpec spec, List<Route> routes, Map<String, String> solvers) {
        Map<String, Object> https = new LinkedHashMap<>();
        https.put("listen", List.of(":" + HTTPS_PORT));
        https.put("routes", routes.stream().map(CaddyConfig::proxy).toList());
        https.put("tls_connection_policies", List.of(Map.of()));
        https.put("automatic_https", Map.of("disable", true));
        List<Object> httpRoutes = new ArrayList<>();
        httpRoutes.add(Map.of("match", List.of(Map.of("path", List.of(HEALTH_PATH))),
                "handle", List.of(Map.of("handler", "static_response", "status_code", 200)), "terminal", true));
        solvers.forEach((host, service) -> httpRoutes.add(Map.of(
                "match", List.of(Map.of("host", List.of(host), "path", List.of("/.well-known/acme-challenge/*"))),
                "handle", List.of(Map.of("handler", "reverse_proxy", "upstreams", List.of(Map.of("dial", service)))),
                "terminal", true)));
        httpRoutes.add(Map.of("handle", List.of(Map.of("handler", "static_response", "status_code", 308,
                "headers", Map.of("Location", List.of("https://{http.request.host}{http.request.uri}"))))));
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("listen", List.of(":" + HTTP_PORT));
        http.put("routes", httpRoutes);
        http.put("automatic_https", Map.of("disable", true));
        Map<String, Object> servers = new LinkedHashMap<>();
        servers.put("https", https);
        servers.put("http", http);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("admin", Map.of("listen", ADMIN));
        config.put("logging", Map.of("logs", Map.of("default", Map.of("encoder", Map.of("format", "json")))));
        config.put("apps", Map.of(
                "http", Map.of("http_port", HTTP_PORT, "https_port", HTTPS_PORT, "servers", servers),
                "tls", Map.of("certificates", Map.of("load_folders", List.of(TLS_DIR)))));
        try {
            return JSON.writeValueAsString(config) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write Caddy's config", e);
        }
    }

    private static Map<String, Object> proxy(Route route) {
        return Map.of(
                "match", List.of(Map.of("host", List.of(route.host()))),
                "handle", List.of(
                        Map.of("handler", "request_body", "max_size", MAX_BODY_BYTES),
                        Map.of("handler", "reverse_proxy", "upstreams", List.of(Map.of("dial", route.upstream())))),
                "terminal", true);
    }

    /**
     * Reloads Caddy when cert-manager renews the certificate (the Secret's files change in place and Caddy
     * does not watch them). Runs in a sidecar with Caddy's own image; talks to the admin API on localhost.
     */
    static final String RELOADER = """
            last=""
            while true; do
              now="$(cat /etc/caddy/tls/* 2>/dev/null | sha256sum)"
              if [ -n "$last" ] && [ "$now" != "$last" ]; then
                caddy reload --config /etc/caddy/config/caddy.json --address localhost:2019 --force && last="$now"
              else
                last="$now"
              fi
              sleep 60
            done
            """;
}
