package io.edxstack.platform;

import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import io.edxstack.tutorenv.TutorEnvironment;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.resources.Resource;
import io.edxstack.config.PlatformSpec;
import io.edxstack.config.PlatformSpec.Replicas;
import io.edxstack.config.StackConfig.FrontDoorMode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tutor's application Deployments: lms and cms (uwsgi on port 8000), lms-worker and cms-worker (celery)
 * and the optional mfe, each with its Service where it serves HTTP.
 */
final class WebWorkloads {
    static final int UWSGI_PORT = 8000;
    static final int MFE_PORT = 8002;
    /** tutor-mfe's Caddyfile in Tutor's environment, and where its manifest mounts it (Caddy's default config). */
    static final String MFE_CADDYFILE = "plugins/mfe/apps/mfe/Caddyfile";
    static final String MFE_CADDY_DIR = "/etc/caddy/";

    final Deployment lms;
    final Deployment cms;
    final Deployment lmsWorker;
    final Deployment cmsWorker;
    final Optional<Deployment> mfe;

    WebWorkloads(PlatformScope scope, TutorEnvironment tutor, OpenedxPod lmsPod, OpenedxPod cmsPod,
                 List<Resource> dependsOn) {
        PlatformSpec spec = scope.spec();
        var sizing = spec.sizing();
        boolean exposed = scope.stack().workloads().frontDoor().mode() == FrontDoorMode.INGRESS;
        var manifests = TutorManifests.of(tutor);
        lms = web(scope, manifests, lmsPod, "lms", spec.hosts().lms(), sizing.lms(), exposed, dependsOn);
        cms = web(scope, manifests, cmsPod, "cms", spec.hosts().cms(), sizing.cms(), exposed, dependsOn);
        lmsWorker = worker(scope, manifests, lmsPod, "lms-worker", "lmsWorker", sizing.lmsWorker(), dependsOn);
        cmsWorker = worker(scope, manifests, cmsPod, "cms-worker", "cmsWorker", sizing.cmsWorker(), dependsOn);
        mfe = spec.hasMfe() ? Optional.of(mfe(scope, tutor, exposed)) : Optional.empty();
        Workloads.service(scope, "lms", "web", UWSGI_PORT, "http");
        Workloads.service(scope, "cms", "web", UWSGI_PORT, "http");
        mfe.ifPresent(m -> Workloads.service(scope, "mfe", "web", MFE_PORT, "http"));
    }

    /** Active: the catalogue's count, or none when the autoscaler owns it. Standby: the warm minimum. */
    static Optional<Integer> replicas(PlatformScope scope, Replicas replicas, boolean autoscalable) {
        if (!scope.active()) {
            return Optional.of(scope.stack().workloads().standbyWarmReplicas());
        }
        return autoscalable && replicas.autoscaled() ? Optional.empty() : Optional.of(replicas.replicas());
    }

    private static Deployment web(PlatformScope scope, TutorManifests manifests, OpenedxPod pod, String name,
                                  String host, Replicas replicas, boolean exposed, List<Resource> dependsOn) {
        String workers = "";
        for (var env : manifests.container("Deployment", name).path("env")) {
            if ("UWSGI_WORKERS".equals(env.path("name").asText())) {
                workers = env.path("value").asText();
            }
        }
        var size = ContainerSizes.of(scope.spec(), name);
        ContainerArgs container = pod.container(name, size,
                        List.of(OpenedxPod.literal("UWSGI_WORKERS", workers)))
                .ports(ContainerPortArgs.builder().name("http").containerPort(UWSGI_PORT).protocol("TCP").build())
                // Importing edx-platform takes a while: up to 10 minutes before liveness applies.
                .startupProbe(Probes.tcp("http", 10, 60))
                .readinessProbe(Probes.http("/heartbeat", "http", host, 10, 3))
                .livenessProbe(Probes.tcp("http", 20, 3))
                .build();
        return Workloads.deployment(scope, name, "web", replicas(scope, replicas, true), exposed,
                pod.podSpec(List.of(container), size).terminationGracePeriodSeconds(60), dependsOn);
    }

    /** Celery with the arguments of Tutor's manifest for this worker (its queues, prefetch, no gossip or mingle). */
    private static Deployment worker(PlatformScope scope, TutorManifests manifests, OpenedxPod pod, String name,
                                     String sizeKey, Replicas replicas, List<Resource> dependsOn) {
        String app = pod.variant() + ".celery";
        String nodeName = "edx." + pod.variant() + ".core.default";
        List<String> ping = List.of("sh", "-c",
                "exec celery --app=" + app + " inspect ping --timeout 20 --destination celery@" + nodeName + ".$HOSTNAME");
        var size = ContainerSizes.of(scope.spec(), sizeKey);
        ContainerArgs container = pod.container(name, size, List.of())
                .args(TutorManifests.strings(manifests.container("Deployment", name).path("args")))
                .startupProbe(Probes.exec(ping, 15, 60, 40))
                .readinessProbe(Probes.exec(ping, 120, 60, 3))
                .livenessProbe(Probes.exec(ping, 120, 60, 3))
                .build();
        // Long grace: a worker finishes its current task before it stops.
        return Workloads.deployment(scope, name, "worker", replicas(scope, replicas, false), false,
                pod.podSpec(List.of(container), size).terminationGracePeriodSeconds(300), dependsOn);
    }

    /**
     * Tutor's MFE image: Caddy serving the built micro-frontends on port 8002 with tutor-mfe's Caddyfile (the image
     * ships none), mounted where tutor-mfe's manifest mounts it; named by its content, so a change rolls the pods.
     */
    private static Deployment mfe(PlatformScope scope, TutorEnvironment tutor, boolean exposed) {
        PlatformSpec spec = scope.spec();
        String caddyfile = tutor.file(MFE_CADDYFILE);
        String configName = ContentConfigMap.create(scope, "mfe-caddy-config", "web", Map.of("Caddyfile", caddyfile))
                .name();
        ContainerArgs container = ContainerArgs.builder()
                .name("mfe")
                .image(spec.images().mfe().orElseThrow())
                .imagePullPolicy("IfNotPresent")
                .ports(ContainerPortArgs.builder().name("http").containerPort(MFE_PORT).protocol("TCP").build())
                .env(OpenedxPod.literal("XDG_DATA_HOME", "/data"), OpenedxPod.literal("XDG_CONFIG_HOME", "/config"))
                .volumeMounts(Hardening.mount("caddy-config", MFE_CADDY_DIR, true),
                        Hardening.mount("data", "/data", false), Hardening.mount("config", "/config", false))
                .securityContext(Hardening.container(true))
                .resources(Hardening.resources(ContainerSizes.of(spec, "mfe")))
                .startupProbe(Probes.tcp("http", 5, 24))
                .readinessProbe(Probes.tcp("http", 10, 3))
                .livenessProbe(Probes.tcp("http", 20, 3))
                .build();
        var pod = com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs.builder()
                .securityContext(Hardening.pod(OpenedxPod.APP_UID))
                .automountServiceAccountToken(false)
                .enableServiceLinks(false)
                .containers(container)
                .volumes(VolumeArgs.builder().name("caddy-config")
                                .configMap(ConfigMapVolumeSourceArgs.builder().name(configName).build()).build(),
                        Hardening.scratch("data", "64Mi"), Hardening.scratch("config", "16Mi"));
        return Workloads.deployment(scope, "mfe", "web", replicas(scope, spec.sizing().mfe(), false), exposed, pod,
                List.of());
    }
}
