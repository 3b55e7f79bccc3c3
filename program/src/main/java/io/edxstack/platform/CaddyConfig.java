package io.edxstack.platform;

import io.edxstack.config.PlatformSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The front door's Caddy config is Tutor's own Caddyfile ({@code apps/caddy/Caddyfile}: the LMS, CMS, MFE and
 * Meilisearch sites with Tutor's limits, headers and logs), with edxstack's additions made through Tutor's patch
 * points, so that Tutor renders them in place and every other line stays Tutor's:
 * <ul>
 *   <li>{@code caddyfile-global}: non-root ports 8080/8443 (the LoadBalancer Service maps 80/443) and no automatic
 *       HTTPS: Caddy asks no ACME server for anything;</li>
 *   <li>{@code caddyfile-proxy} (the snippet every Tutor site imports): TLS from the certificate cert-manager keeps in
 *       the platform's Secret, mounted at {@link #TLS_DIR};</li>
 *   <li>{@code caddyfile}: plain HTTP answers the health check and cert-manager's HTTP-01 challenges (to its solver's
 *       Service per host) and redirects everything else to HTTPS.</li>
 * </ul>
 */
final class CaddyConfig {
    static final int HTTP_PORT = 8080;
    static final int HTTPS_PORT = 8443;
    /** Tutor's Caddyfile in its environment, and the key of the front door's ConfigMap (Caddy's default file). */
    static final String TUTOR_CADDYFILE = "apps/caddy/Caddyfile";
    static final String CADDYFILE = "Caddyfile";
    /** Outside Tutor's /etc/caddy/ mount: a Secret mounted inside a ConfigMap's mount would need a mount point there. */
    static final String TLS_DIR = "/etc/edxstack/tls";
    static final String HEALTH_PATH = "/edxstack-healthz";
    static final String GLOBAL_PATCH = "caddyfile-global";
    static final String PROXY_PATCH = "caddyfile-proxy";
    static final String SITES_PATCH = "caddyfile";

    private CaddyConfig() {
    }

    /** edxstack's patches of Tutor's Caddyfile; {@code solvers}: host -> Service:port of cert-manager's solver. */
    static Map<String, List<String>> patches(Map<String, String> solvers) {
        Map<String, List<String>> patches = new LinkedHashMap<>();
        patches.put(GLOBAL_PATCH, List.of(String.join("\n",
                "# edxstack: non-root ports (the LoadBalancer Service maps 80/443); certificates come from",
                "# cert-manager's Secret, so Caddy manages none and redirects through the http:// site below",
                "http_port " + HTTP_PORT,
                "https_port " + HTTPS_PORT,
                "auto_https off")));
        patches.put(PROXY_PATCH, List.of(String.join("\n",
                "# edxstack: the certificate cert-manager keeps in the platform's Secret (cert-reloader reloads it)",
                "tls {",
                "    load " + TLS_DIR,
                "}")));
        List<String> http = new ArrayList<>();
        http.add("# edxstack: plain HTTP answers the health check and cert-manager's HTTP-01 challenges, and redirects");
        http.add("# everything else to HTTPS");
        http.add("http:// {");
        http.add("    handle " + HEALTH_PATH + " {");
        http.add("        respond 200");
        http.add("    }");
        int index = 0;
        for (var solver : solvers.entrySet()) {
            String matcher = "@acme" + index++;
            http.add("    " + matcher + " {");
            http.add("        host " + solver.getKey());
            http.add("        path /.well-known/acme-challenge/*");
            http.add("    }");
            http.add("    handle " + matcher + " {");
            http.add("        reverse_proxy " + solver.getValue());
            http.add("    }");
        }
        http.add("    handle {");
        http.add("        redir https://{host}{uri} 308");
        http.add("    }");
        http.add("}");
        patches.put(SITES_PATCH, List.of(String.join("\n", http)));
        return patches;
    }

    /** cert-manager's solver Service of each certificate name, as the front door's HTTP site routes challenges. */
    static Map<String, String> solvers(PlatformSpec spec) {
        Map<String, String> solvers = new LinkedHashMap<>();
        FrontDoor.upstreams(spec).forEach((host, upstream) ->
                solvers.put(host, FrontDoor.solverName(upstream) + ":" + FrontDoor.SOLVER_PORT));
        return solvers;
    }

    /**
     * Reloads Caddy when cert-manager renews the certificate (the Secret's files change in place and Caddy
     * does not watch them). Runs in a sidecar with Caddy's own image; talks to the admin API on localhost.
     */
    static final String RELOADER = """
            last=""
            while true; do
              now="$(cat /etc/edxstack/tls/* 2>/dev/null | sha256sum)"
              if [ -n "$last" ] && [ "$now" != "$last" ]; then
                caddy reload --config /etc/caddy/Caddyfile --adapter caddyfile --address localhost:2019 --force && last="$now"
              else
                last="$now"
              fi
              sleep 60
            done
            """;
}
