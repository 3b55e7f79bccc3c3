package io.edxstack.platform;

import com.pulumi.core.Either;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.KeyToPathArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.networking.v1.Ingress;
import com.pulumi.kubernetes.networking.v1.IngressArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressPathArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressRuleValueArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressServiceBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressSpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressTLSArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.ServiceBackendPortArgs;
import com.pulumi.resources.Resource;
import io.edxstack.config.PlatformSpec;
import io.edxstack.config.StackConfig.FrontDoorMode;
import io.edxstack.tutorenv.TutorEnvironment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Adler32;

/**
 * How users reach a platform, per stack: Caddy behind an Octavia TCP load balancer, or an Ingress of the
 * cluster's controller. Either way TLS comes from the platform's cert-manager Certificate (a Secret).
 * The Certificate exists on the active stack only: a standby's hosts point at the other region, so its
 * HTTP-01 challenges would fail and spend Let's Encrypt's failed-validation limit.
 */
final class FrontDoor {
    static final String TLS_SECRET = "openedx-tls";
    static final String COMBINED_PEM = "tls-combined.pem";
    /** Labels cert-manager puts on its HTTP-01 solver pods (pkg/issuer/acme/http/pod.go). */
    static final String SOLVER_LABEL = "acme.cert-manager.io/http01-solver";
    static final String SOLVER_DOMAIN_LABEL = "acme.cert-manager.io/http-domain";
    static final int SOLVER_PORT = 8089;

    /** Where Tutor's caddy Deployment mounts its Caddyfile (Caddy's default config file, /etc/caddy/Caddyfile). */
    static final String CONFIG_DIR = "/etc/caddy/";

    FrontDoor(PlatformScope scope, TutorEnvironment tutor, List<Resource> issuer) {
        if (scope.active()) {
            certificate(scope, issuer);
        }
        if (scope.stack().workloads().frontDoor().mode() == FrontDoorMode.INGRESS) {
            ingress(scope);
        } else {
            caddy(scope, tutor);
        }
    }

    /** A Service of the namespace that a host's traffic goes to. */
    record Upstream(String service, int port) {
    }

    static String solverName(Upstream upstream) {
        return "acme-solver-" + upstream.service();
    }

    /** Each certificate name and where its traffic goes: the Ingress's rules, and the hosts with a solver Service. */
    static Map<String, Upstream> upstreams(PlatformSpec spec) {
        Map<String, Upstream> upstreams = new LinkedHashMap<>();
        upstreams.put(spec.hosts().lms(), new Upstream("lms", WebWorkloads.UWSGI_PORT));
        upstreams.put(spec.hosts().cms(), new Upstream("cms", WebWorkloads.UWSGI_PORT));
        if (spec.hasMfe()) {
            upstreams.put(spec.hosts().mfe().orElseThrow(), new Upstream("mfe", WebWorkloads.MFE_PORT));
        }
        // Studio's search runs in the browser against Meilisearch with a restricted tenant token, as under Tutor.
        spec.hosts().meilisearch().ifPresent(host ->
                upstreams.put(host, new Upstream("meilisearch", spec.services().meilisearch().port())));
        return upstreams;
    }

    private static void certificate(PlatformScope scope, List<Resource> issuer) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("secretName", TLS_SECRET);
        spec.put("dnsNames", scope.spec().hosts().all());
        spec.put("issuerRef", Map.of("name", CertManager.ISSUER, "kind", "ClusterIssuer", "group", "cert-manager.io"));
        spec.put("privateKey", Map.of("algorithm", "ECDSA", "size", 256, "rotationPolicy", "Always"));
        if (scope.stack().workloads().frontDoor().mode() == FrontDoorMode.CADDY) {
            spec.put("additionalOutputFormats", List.of(Map.of("type", "CombinedPEM")));
        }
        // A self-signed stand-in until the first issuance, so the front door starts and serves the challenge.
        var metadata = scope.metadata(TLS_SECRET, scope.labels("openedx-tls", "front-door"),
                Map.of("cert-manager.io/issue-temporary-certificate", "true"));
        new CertManagerObjects.Certificate(scope.name("certificate"), CustomObjectArgs.of(CertManagerObjects.API_VERSION,
                "Certificate", metadata, spec), scope.options(issuer));
    }

    private static void ingress(PlatformScope scope) {
        var frontDoor = scope.stack().workloads().frontDoor();
        List<IngressRuleArgs> rules = new ArrayList<>();
        upstreams(scope.spec()).forEach((host, upstream) -> rules.add(IngressRuleArgs.builder()
                .host(host)
                .http(HTTPIngressRuleValueArgs.builder().paths(HTTPIngressPathArgs.builder()
                        .path("/").pathType("Prefix")
                        .backend(IngressBackendArgs.builder().service(IngressServiceBackendArgs.builder()
                                .name(upstream.service())
                                .port(ServiceBackendPortArgs.builder().number(upstream.port()).build())
                                .build()).build())
                        .build()).build())
                .build()));
        new Ingress(scope.name("openedx"), IngressArgs.builder()
                .metadata(scope.metadata("openedx", scope.labels("openedx", "front-door"),
                        // Tutor's body limit (course imports), for ingress-nginx.
                        Map.of("nginx.ingress.kubernetes.io/proxy-body-size", "250m")))
                .spec(IngressSpecArgs.builder()
                        .ingressClassName(frontDoor.ingressClass())
                        .tls(IngressTLSArgs.builder().hosts(scope.spec().hosts().all()).secretName(TLS_SECRET).build())
                        .rules(rules)
                        .build())
                .build(), scope.options());
        // The controller must reach cert-manager's solver pods to answer HTTP-01 challenges.
        NamespaceIsolation.networkPolicy(scope.name("allow-acme-solver"), "allow-acme-solver", scope.namespace(),
                scope.platform(), NetworkPolicySpecArgs.builder()
                        .podSelector(LabelSelectorArgs.builder().matchLabels(Map.of(SOLVER_LABEL, "true")).build())
                        .policyTypes("Ingress")
                        .ingress(NetworkPolicyIngressRuleArgs.builder()
                                .from(NetworkPolicyPeerArgs.builder().namespaceSelector(LabelSelectorArgs.builder()
                                        .matchLabels(Map.of("kubernetes.io/metadata.name", scope.stack().ingressNamespace()))
                                        .build()).build())
                                .ports(NetworkPolicyPortArgs.builder().port(Either.ofLeft(SOLVER_PORT)).protocol("TCP").build())
                                .build())
                        .build(), scope.options());
    }

    /**
     * Caddy running Tutor's Caddyfile (with edxstack's patches, {@link CaddyConfig}) as Tutor's caddy Deployment
     * does: the image's own command, Tutor's environment, the file at Caddy's default path.
     */
    private static void caddy(PlatformScope scope, TutorEnvironment tutor) {
        PlatformSpec spec = scope.spec();
        upstreams(spec).forEach((host, upstream) -> solverService(scope, solverName(upstream), host));
        String configName = ContentConfigMap.create(scope, "caddy-config", "front-door",
                Map.of(CaddyConfig.CADDYFILE, tutor.file(CaddyConfig.TUTOR_CADDYFILE))).name();
        List<EnvVarArgs> env = new ArrayList<>();
        TutorManifests.of(tutor).container("Deployment", "caddy").path("env").forEach(e ->
                env.add(OpenedxPod.literal(e.path("name").asText(), e.path("value").asText())));
        env.add(OpenedxPod.literal("XDG_DATA_HOME", "/data"));
        env.add(OpenedxPod.literal("XDG_CONFIG_HOME", "/config"));
        Optional<Integer> replicas = Optional.of(scope.active() ? 2 : scope.stack().workloads().standbyWarmReplicas());
        Workloads.deployment(scope, "caddy", "front-door", replicas, true, caddyPod(spec, configName, env), List.of());
        Autoscaling.disruptionBudget(scope, "caddy");
        loadBalancer(scope);
        // Outside traffic reaches the Caddy pods only, on their two ports.
        NamespaceIsolation.networkPolicy(scope.name("allow-front-door"), "allow-front-door", scope.namespace(),
                scope.platform(), NetworkPolicySpecArgs.builder()
                        .podSelector(LabelSelectorArgs.builder().matchLabels(Map.of(PlatformLabels.EXPOSED, "true",
                                "app.kubernetes.io/name", "caddy")).build())
                        .policyTypes("Ingress")
                        .ingress(NetworkPolicyIngressRuleArgs.builder()
                                .ports(NetworkPolicyPortArgs.builder().port(Either.ofLeft(CaddyConfig.HTTP_PORT)).protocol("TCP").build(),
                                        NetworkPolicyPortArgs.builder().port(Either.ofLeft(CaddyConfig.HTTPS_PORT)).protocol("TCP").build())
                                .build())
                        .build(), scope.options());
    }

    private static PodSpecArgs.Builder caddyPod(PlatformSpec spec, String configName, List<EnvVarArgs> env) {
        var caddy = ContainerArgs.builder()
                .name("caddy")
                .image(spec.images().caddy())
                .imagePullPolicy("IfNotPresent")
                .env(env)
                .ports(ContainerPortArgs.builder().name("http").containerPort(CaddyConfig.HTTP_PORT).protocol("TCP").build(),
                        ContainerPortArgs.builder().name("https").containerPort(CaddyConfig.HTTPS_PORT).protocol("TCP").build())
                .volumeMounts(caddyMounts())
                .securityContext(Hardening.container(true))
                .resources(Hardening.resources(ContainerSizes.of(spec, "caddy")))
                .startupProbe(Probes.http(CaddyConfig.HEALTH_PATH, "http", null, 2, 30))
                .readinessProbe(Probes.http(CaddyConfig.HEALTH_PATH, "http", null, 10, 3))
                .livenessProbe(Probes.http(CaddyConfig.HEALTH_PATH, "http", null, 20, 3))
                .build();
        var alive = List.of("sh", "-c", "test -d " + CaddyConfig.TLS_DIR);
        var reloader = ContainerArgs.builder()
                .name("cert-reloader")
                .image(spec.images().caddy())
                .imagePullPolicy("IfNotPresent")
                .command("sh", "-c", CaddyConfig.RELOADER)
                // The reload adapts the Caddyfile in this container: the same variables as Caddy's.
                .env(env)
                .volumeMounts(caddyMounts())
                .securityContext(Hardening.container(true))
                .resources(Hardening.resources(ContainerSizes.of(spec, "reloader")))
                .startupProbe(Probes.exec(alive, 5, 5, 12))
                .readinessProbe(Probes.exec(alive, 30, 5, 3))
                .livenessProbe(Probes.exec(alive, 60, 5, 3))
                .build();
        return PodSpecArgs.builder()
                .securityContext(Hardening.pod(OpenedxPod.APP_UID))
                .automountServiceAccountToken(false)
                .enableServiceLinks(false)
                .containers(caddy, reloader)
                .volumes(VolumeArgs.builder().name("config")
                                .configMap(ConfigMapVolumeSourceArgs.builder().name(configName).build()).build(),
                        // Optional: Caddy starts (and serves the first challenge) before the first certificate.
                        VolumeArgs.builder().name("tls").secret(SecretVolumeSourceArgs.builder()
                                .secretName(TLS_SECRET).optional(true)
                                .items(KeyToPathArgs.builder().key(COMBINED_PEM).path(COMBINED_PEM).build())
                                .build()).build(),
                        Hardening.scratch("data", "64Mi"),
                        Hardening.scratch("caddy-home", "16Mi"));
    }

    private static List<com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs> caddyMounts() {
        return List.of(Hardening.mount("config", CONFIG_DIR, true),
                Hardening.mount("tls", CaddyConfig.TLS_DIR, true),
                Hardening.mount("data", "/data", false),
                Hardening.mount("caddy-home", "/config", false));
    }

    /**
     * Octavia TCP load balancer: Local traffic policy keeps client addresses (Octavia health-checks the
     * nodes), and the floating IP is kept when the Service is recreated, so DNS never has to change.
     */
    private static void loadBalancer(PlatformScope scope) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("loadbalancer.openstack.org/keep-floatingip", "true");
        annotations.put("loadbalancer.openstack.org/enable-health-monitor", "true");
        new Service(scope.name("caddy"), ServiceArgs.builder()
                .metadata(scope.metadata("caddy", scope.labels("caddy", "front-door"), annotations))
                .spec(ServiceSpecArgs.builder()
                        .type("LoadBalancer")
                        .externalTrafficPolicy("Local")
                        .selector(PlatformLabels.selector(scope.platform(), "caddy"))
                        .ports(ServicePortArgs.builder().name("http").port(80).targetPort(Either.ofRight("http")).protocol("TCP").build(),
                                ServicePortArgs.builder().name("https").port(443).targetPort(Either.ofRight("https")).protocol("TCP").build())
                        .build())
                .build(), scope.options());
    }

    /**
     * A Service for cert-manager's solver pod of one host, selected by the domain label cert-manager gives
     * it (Adler-32 of the DNS name), so Caddy can route that host's challenges to it.
     */
    private static void solverService(PlatformScope scope, String name, String host) {
        new Service(scope.name(name), ServiceArgs.builder()
                // cert-manager makes the solver pods while an order is open: no workload of the stack matches.
                .metadata(scope.metadata(name, scope.labels(name, "front-door"),
                        Map.of(PlatformLabels.PODS_MANAGED_BY, "cert-manager")))
                .spec(ServiceSpecArgs.builder()
                        .type("ClusterIP")
                        .selector(Map.of(SOLVER_LABEL, "true", SOLVER_DOMAIN_LABEL, solverDomainLabel(host)))
                        .ports(ServicePortArgs.builder().name("http").port(SOLVER_PORT)
                                .targetPort(Either.ofLeft(SOLVER_PORT)).protocol("TCP").build())
                        .build())
                .build(), scope.options());
    }

    static String solverDomainLabel(String host) {
        Adler32 adler = new Adler32();
        adler.update(host.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Long.toString(adler.getValue());
    }
}
