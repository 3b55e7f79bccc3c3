package io.edxstack.platform;

import io.edxstack.render.DesiredState;
import io.edxstack.render.RenderedResource;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.edxstack.platform.Rendered.*;
import static org.junit.jupiter.api.Assertions.*;

/** The demo platform as the active stack renders it: every kind of object with its real properties. */
class ActivePlatformRenderTest {
    @TempDir
    static Path dir;
    static DesiredState state;

    @BeforeAll
    static void render() {
        state = TestProject.copyOfRepository(dir).render("prod-primary");
    }

    @Test
    void render_lmsDeployment_runsUwsgiHardenedWithSettingsAndSecretsByReference() {
        RenderedResource lms = state.get(DEPLOYMENT, "demo-lms");
        assertEquals("demo", at(lms, "metadata.namespace"));
        assertEquals(Map.of("app.kubernetes.io/instance", "demo", "app.kubernetes.io/name", "lms"),
                at(lms, "spec.selector.matchLabels"));
        Map<String, Object> labels = map(lms.state().inputs(), "spec.template.metadata.labels");
        assertEquals("demo", labels.get("edxstack.io/platform"));
        assertEquals("openedx", labels.get("app.kubernetes.io/part-of"));
        assertNull(labels.get(PlatformLabels.EXPOSED), "in Caddy mode only Caddy is exposed");
        assertNull(at(lms, "spec.replicas"), "the autoscaler owns the replica count");
        Map<String, Object> container = container(lms, "lms");
        assertEquals("localhost:5000/overhangio/openedx:22.0.3", container.get("image"));
        assertNull(container.get("command"), "the image's own command, as Tutor's manifests: uwsgi /openedx/uwsgi.ini");
        assertEquals(8000L, at(container, "ports[0].containerPort"));
        assertEquals("/heartbeat", at(container, "readinessProbe.httpGet.path"));
        assertEquals("learn.demo.example.org", at(container, "readinessProbe.httpGet.httpHeaders[0].value"));
        assertEquals("http", at(container, "livenessProbe.tcpSocket.port"));
        assertEquals(60L, at(container, "startupProbe.failureThreshold"));
        assertEquals(Map.of("cpu", "500m", "memory", "1Gi"), at(container, "resources.requests"));
        assertEquals(Map.of("cpu", "2", "memory", "2Gi"), at(container, "resources.limits"));
        assertEquals(true, at(container, "securityContext.readOnlyRootFilesystem"));
        assertEquals(List.of("ALL"), at(container, "securityContext.capabilities.drop"));
        assertEquals("lms.envs.tutor.production", env(container, "DJANGO_SETTINGS_MODULE").get("value"));
        assertTrue(list(container, "env").stream().noneMatch(e -> at(e, "valueFrom") != null),
                "no secret in the main container's environment: the filled settings hold them");
        Map<String, Object> filler = settingsFiller(lms);
        assertEquals(Map.of("name", "openedx-secrets", "key", "SECRET_KEY"),
                at(env(filler, "EDXSTACK_SECRET_KEY"), "valueFrom.secretKeyRef"));
        assertEquals(Map.of("name", "mysql-credentials", "key", "password"),
                at(env(filler, "EDXSTACK_MYSQL_PASSWORD"), "valueFrom.secretKeyRef"));
        assertEquals(Map.of("name", "media-s3-credentials", "key", "AWS_SECRET_ACCESS_KEY"),
                at(env(filler, "AWS_SECRET_ACCESS_KEY"), "valueFrom.secretKeyRef"));
        // No kept Tutor key: the pods derive the platform's JWT signing key from a seed in the Secret.
        assertEquals(Map.of("name", "openedx-secrets", "key", "JWT_SIGNING_SEED"),
                at(env(filler, "EDXSTACK_JWT_SIGNING_SEED"), "valueFrom.secretKeyRef"));
        assertTrue(list(filler, "env").stream().noneMatch(e -> "EDXSTACK_JWT_PRIVATE_KEY".equals(at(e, "name"))));
        String settingsMap = (String) at(podSpec(lms), "volumes[0].configMap.name");
        assertTrue(settingsMap.matches("openedx-settings-[0-9a-f]{10}"), settingsMap);
        state.get(CONFIG_MAP, "demo-" + settingsMap);
        assertEquals(List.of("/openedx/edx-platform/lms/envs/tutor/", "/openedx/edx-platform/cms/envs/tutor/",
                        "/openedx/config", "/openedx/uwsgi.ini", "/tmp", "/openedx/data", "/openedx/media"),
                list(container, "volumeMounts").stream().map(m -> at(m, "mountPath")).toList());
        Map<String, Object> pod = podSpec(lms);
        assertEquals(1000L, at(pod, "securityContext.runAsUser"));
        assertEquals("RuntimeDefault", at(pod, "securityContext.seccompProfile.type"));
        assertEquals(false, pod.get("enableServiceLinks"));
        assertEquals("kubernetes.io/hostname", at(pod, "topologySpreadConstraints[0].topologyKey"));
        assertEquals("ScheduleAnyway", at(pod, "topologySpreadConstraints[0].whenUnsatisfiable"));
        assertEquals(0L, at(lms, "spec.strategy.rollingUpdate.maxUnavailable"));
    }

    @Test
    void render_workers_runCeleryWithCatalogueReplicasAndCmsSettings() {
        RenderedResource worker = state.get(DEPLOYMENT, "demo-cms-worker");
        assertEquals(1L, at(worker, "spec.replicas"));
        Map<String, Object> container = container(worker, "cms-worker");
        // Tutor's arguments (its manifest), which the liveness probe's node name follows.
        assertEquals(List.of("celery", "--app=cms.celery", "worker", "--loglevel=info",
                "--hostname=edx.cms.core.default.%h", "--queues=edx.cms.core.default,edx.cms.core.high,edx.cms.core.low",
                "--max-tasks-per-child=100", "--prefetch-multiplier=1", "--without-gossip", "--without-mingle"),
                container.get("args"));
        assertEquals("cms.envs.tutor.production", env(container, "DJANGO_SETTINGS_MODULE").get("value"));
        assertNotNull(at(container, "livenessProbe.exec.command"));
        assertTrue(((String) at(podSpec(worker), "volumes[0].configMap.name")).startsWith("openedx-settings-"));
        assertEquals(300L, at(podSpec(worker), "terminationGracePeriodSeconds"));
    }

    @Test
    void render_mfe_onlyForThePlatformWithAnMfeImageAndHost() {
        RenderedResource mfe = state.get(DEPLOYMENT, "demo-mfe");
        assertEquals("localhost:5000/overhangio/openedx-mfe:22.1.0", at(container(mfe, "mfe"), "image"));
        assertEquals(8002L, at(state.get(SERVICE, "demo-mfe"), "spec.ports[0].port"));
        assertEquals(2L, at(mfe, "spec.replicas"));
        assertTrue(named(state, DEPLOYMENT, "training-mfe").isEmpty());
    }

    @Test
    void render_autoscalersAndBudgets_followCatalogueSizing() {
        RenderedResource lms = state.get(HPA, "demo-lms");
        assertEquals(2L, at(lms, "spec.minReplicas"));
        assertEquals(6L, at(lms, "spec.maxReplicas"));
        assertEquals("lms", at(lms, "spec.scaleTargetRef.name"));
        assertEquals(70L, at(lms, "spec.metrics[0].resource.target.averageUtilization"));
        assertEquals(4L, at(state.get(HPA, "demo-cms"), "spec.maxReplicas"));
        // training's cms is 1..1: a fixed count, no autoscaler.
        assertTrue(named(state, HPA, "training-cms").isEmpty());
        assertEquals(1L, at(state.get(DEPLOYMENT, "training-cms"), "spec.replicas"));
        for (String name : List.of("demo-lms", "demo-cms", "demo-mfe", "demo-caddy")) {
            RenderedResource pdb = state.get(PDB, name);
            assertEquals(1L, at(pdb, "spec.maxUnavailable"), name);
        }
    }

    @Test
    void render_dataServices_areProtectedStatefulSetsOnTheRetainedClass() {
        Map<String, String> images = Map.of("mysql", "localhost:5000/mysql:8.4.11", "mongodb", "localhost:5000/mongo:7.0.39",
                "redis", "localhost:5000/redis:7.4.10", "meilisearch", "localhost:5000/getmeili/meilisearch:v1.36.0");
        images.forEach((name, image) -> {
            RenderedResource set = state.get(STATEFUL_SET, "demo-" + name);
            assertTrue(set.state().protect(), name + " must be protected");
            assertEquals(name, map(set.state().inputs(), "metadata.labels").get("app.kubernetes.io/name"));
            assertEquals("cinder-retain", at(set, "spec.volumeClaimTemplates[0].spec.storageClassName"));
            assertEquals(Map.of("whenDeleted", "Retain", "whenScaled", "Retain"),
                    at(set, "spec.persistentVolumeClaimRetentionPolicy"));
            assertEquals(1L, at(set, "spec.replicas"));
            Map<String, Object> container = container(set, name);
            assertEquals(image, container.get("image"));
            assertNotNull(container.get("readinessProbe"), name);
            assertNotNull(container.get("livenessProbe"), name);
            assertNotNull(container.get("startupProbe"), name);
            assertNotNull(at(podSpec(set), "securityContext.fsGroup"), name);
            assertEquals(true, at(podSpec(set), "securityContext.runAsNonRoot"));
            assertEquals(name, map(state.get(SERVICE, "demo-" + name).state().inputs(), "spec.selector")
                    .get("app.kubernetes.io/name"));
        });
        assertEquals("50Gi", at(state.get(STATEFUL_SET, "demo-mysql"),
                "spec.volumeClaimTemplates[0].spec.resources.requests.storage"));
        assertEquals(Map.of("name", "mysql-credentials", "key", "root-password"),
                at(env(container(state.get(STATEFUL_SET, "demo-mysql"), "mysql"), "MYSQL_ROOT_PASSWORD"),
                        "valueFrom.secretKeyRef"));
        assertEquals(3306L, at(state.get(SERVICE, "demo-mysql"), "spec.ports[0].port"));
        assertEquals(8025L, at(state.get(SERVICE, "demo-smtp"), "spec.ports[0].port"));
    }

    @Test
    void render_everyContainer_hasRequestsLimitsAndTheRestrictedSecurityContext() {
        List<Map<String, Object>> containers = allContainers(state);
        assertTrue(containers.size() > 20, "containers found: " + containers.size());
        for (Map<String, Object> container : containers) {
            String name = (String) container.get("name");
            for (String part : List.of("requests", "limits")) {
                assertNotNull(at(container, "resources." + part + ".cpu"), name + " " + part + " cpu");
                assertNotNull(at(container, "resources." + part + ".memory"), name + " " + part + " memory");
            }
            assertEquals(false, at(container, "securityContext.allowPrivilegeEscalation"), name);
            assertEquals(true, at(container, "securityContext.runAsNonRoot"), name);
            assertEquals(List.of("ALL"), at(container, "securityContext.capabilities.drop"), name);
            assertEquals("RuntimeDefault", at(container, "securityContext.seccompProfile.type"), name);
            String image = (String) container.get("image");
            assertFalse(image.endsWith(":latest") || !image.contains(":"), name + " image " + image);
        }
    }

    @Test
    void render_deployments_mountNoPersistentVolume() {
        for (RenderedResource deployment : state.ofType(DEPLOYMENT)) {
            for (Object volume : list(podSpec(deployment), "volumes")) {
                assertNull(at(volume, "persistentVolumeClaim"), deployment.state().name());
            }
            for (Object container : list(podSpec(deployment), "containers")) {
                assertNotNull(at(container, "readinessProbe"), deployment.state().name());
                assertNotNull(at(container, "livenessProbe"), deployment.state().name());
                assertNotNull(at(container, "startupProbe"), deployment.state().name());
            }
        }
    }

    @Test
    void render_initJobs_runInTutorsOrderBeforeTheDeployments() {
        List<String> order = List.of("mysql-init", "meilisearch-init", "lms-init", "cms-init", "mfe-init", "admin-init");
        String previous = null;
        for (String step : order) {
            List<RenderedResource> jobs = named(state, JOB, "demo-" + step + "-");
            assertEquals(1, jobs.size(), step);
            RenderedResource job = jobs.get(0);
            assertTrue(job.state().name().matches("demo-" + step + "-[0-9a-f]{10}"), job.state().name());
            assertEquals(3L, at(job, "spec.backoffLimit"));
            assertNull(at(job, "spec.ttlSecondsAfterFinished"), "a self-deleting Job would run again");
            assertEquals("Never", at(podSpec(job), "restartPolicy"));
            assertEquals("7200", map(job.state().inputs(), "metadata.annotations").get("pulumi.com/timeoutSeconds"));
            if (previous != null) {
                String before = previous;
                assertTrue(job.dependsOn().stream().anyMatch(urn -> urn.contains("::demo-" + before + "-")),
                        step + " waits for " + before + ": " + job.dependsOn());
            }
            previous = step;
        }
        RenderedResource admin = named(state, JOB, "demo-admin-init-").get(0);
        for (String deployment : List.of("demo-lms", "demo-cms", "demo-lms-worker", "demo-cms-worker")) {
            assertTrue(state.get(DEPLOYMENT, deployment).dependsOn().contains(admin.state().urn()), deployment);
        }
        assertTrue(named(state, JOB, "training-mysql-init").isEmpty(), "training's MySQL is external");
    }

    @Test
    void render_frontDoor_caddyBehindLoadBalancerWithCertificateFromSecret() {
        RenderedResource caddy = state.get(DEPLOYMENT, "demo-caddy");
        assertEquals("true", map(caddy.state().inputs(), "spec.template.metadata.labels").get(PlatformLabels.EXPOSED));
        assertEquals(2L, at(caddy, "spec.replicas"));
        assertEquals("openedx-tls", at(podSpec(caddy), "volumes[1].secret.secretName"));
        for (Object volume : list(podSpec(caddy), "volumes")) {
            assertNull(at(volume, "persistentVolumeClaim"));
        }
        RenderedResource lb = state.get(SERVICE, "demo-caddy");
        assertEquals("LoadBalancer", at(lb, "spec.type"));
        assertEquals(List.of(80L, 443L), list(lb.state().inputs(), "spec.ports").stream().map(p -> at(p, "port")).toList());
        RenderedResource policy = state.get(NETWORK_POLICY, "demo-allow-front-door");
        assertEquals(List.of(8080L, 8443L), list(policy.state().inputs(), "spec.ingress[0].ports").stream()
                .map(p -> at(p, "port")).toList());
        assertNull(at(policy, "spec.ingress[0].from"), "from anywhere");
        RenderedResource certificate = state.get(CERTIFICATE, "demo-certificate");
        assertEquals(List.of("learn.demo.example.org", "studio.demo.example.org", "apps.learn.demo.example.org",
                "meilisearch.learn.demo.example.org"), at(certificate, "spec.dnsNames"));
        assertEquals("edxstack-letsencrypt", at(certificate, "spec.issuerRef.name"));
        assertEquals("ClusterIssuer", at(certificate, "spec.issuerRef.kind"));
        RenderedResource release = state.ofType(RELEASE).get(0);
        assertEquals("https://charts.jetstack.io", at(release, "repositoryOpts.repo"));
        assertEquals("cert-manager", at(release, "namespace"));
        assertTrue(((String) at(release, "version")).matches("v\\d+\\.\\d+\\.\\d+"));
        assertEquals(true, at(release, "values.crds.enabled"));
        assertEquals(1, state.ofType(CLUSTER_ISSUER).size(), "one issuer per stack");
        String config = named(state, CONFIG_MAP, "demo-caddy-config-").get(0).state().inputs().toString();
        assertTrue(config.contains("acme-solver-lms:8089"), "challenges go to cert-manager's solver");
        // Studio's browser-side search reaches Meilisearch through Caddy (same namespace: no exposed label).
        assertTrue(config.contains("meilisearch.learn.demo.example.org") && config.contains("meilisearch:7700"), config);
        state.get(SERVICE, "demo-acme-solver-meilisearch");
        assertNull(map(state.get(STATEFUL_SET, "demo-meilisearch").state().inputs(), "spec.template.metadata.labels")
                .get(PlatformLabels.EXPOSED));
    }

    @Test
    void render_namespace_listsExternalDatabasesAndSecrets() {
        Map<String, Object> training = map(state.get(NAMESPACE, "training").state().inputs(), "metadata.annotations");
        assertEquals("mysql", training.get(PlatformLabels.EXTERNAL_DATABASES));
        assertEquals("media-s3-credentials,training-mysql", training.get(PlatformLabels.EXTERNAL_SECRETS));
        Map<String, Object> demo = map(state.get(NAMESPACE, "demo").state().inputs(), "metadata.annotations");
        assertNull(demo.get(PlatformLabels.EXTERNAL_DATABASES));
        assertTrue(state.get(NAMESPACE, "demo").state().protect());
    }
}
