package io.edxstack.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.pulumi.kubernetes.batch.v1.Job;
import com.pulumi.kubernetes.batch.v1.JobArgs;
import com.pulumi.kubernetes.batch.v1.inputs.JobSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.Resource;
import io.edxstack.config.PlatformSpec;
import io.edxstack.tutorenv.TutorEnvironment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;


/**
 * Tutor's init steps as Jobs, in its order (MySQL database and user, Meilisearch key, LMS, CMS, MFE flags,
 * then the optional superuser), each waiting for the one before. Only on an active stack: a standby's
 * databases are restores and must not be migrated behind the active region's back.
 *
 * <p>A Job's name carries a hash of what it runs (image, settings, script, environment): a new image or
 * new settings make new Jobs, which run before the Deployments roll (they depend on the Jobs); unchanged
 * inputs keep the same Jobs, which Pulumi leaves alone. No {@code ttlSecondsAfterFinished}: a Job that
 * deleted itself would be recreated by the next {@code pulumi up --refresh} and rerun its migrations.
 */
final class InitJobs {
    /** Pulumi waits this long for a Job to complete (its default of 10 minutes is short for migrations). */
    static final int TIMEOUT_SECONDS = 7200;

    private static final JsonMapper JSON = io.edxstack.reading.Mappers.json().build();
    private static final Pattern PLACEHOLDER = Pattern.compile("@@([A-Z][A-Z0-9_]*)@@");

    private final List<Job> jobs = new ArrayList<>();

    /** One environment variable of a job, in a form that can be hashed: a literal or a Secret key. */
    private record Env(String name, String literal, SecretRef secret) {
        static Env of(String name, String literal) {
            return new Env(name, literal, null);
        }

        static Env of(String name, SecretRef secret) {
            return new Env(name, null, secret);
        }

        EnvVarArgs args() {
            return secret != null ? secret.env(name) : OpenedxPod.literal(name, literal);
        }

        String describe() {
            return secret != null ? name + "<-secret:" + secret.secret() + "/" + secret.key() : name + "=" + literal;
        }
    }

    /** Each Job waits for the step before it in {@code order}: the data services, then the previous Job. */
    InitJobs(PlatformScope scope, PlatformSecrets secrets, TutorEnvironment tutor, OpenedxPod lms, OpenedxPod cms,
             StartOrder order) {
        if (!scope.active()) {
            return;
        }
        PlatformSpec spec = scope.spec();
        ServiceEndpoints endpoints = ServiceEndpoints.of(spec);
        if (spec.services().mysql().internal()) {
            order.then(job(scope, "mysql-init", spec.images().mysql(), DataServices.MYSQL_UID, null,
                    InitScripts.MYSQL, List.of(
                            Env.of("MYSQL_HOST", endpoints.mysql().host()),
                            Env.of("MYSQL_PORT", Integer.toString(endpoints.mysql().port())),
                            Env.of("MYSQL_PWD", secrets.mysqlRoot),
                            Env.of("OPENEDX_MYSQL_PASSWORD", secrets.mysql.password())), order.after()));
        }
        if (spec.services().meilisearch().internal()) {
            order.then(job(scope, "meilisearch-init", spec.images().openedx(), OpenedxPod.APP_UID, null,
                    InitScripts.MEILISEARCH, List.of(
                            Env.of("MEILISEARCH_URL", endpoints.meilisearchUrl()),
                            Env.of("MEILISEARCH_INDEX_PREFIX", TutorConfigs.MEILISEARCH_INDEX_PREFIX),
                            Env.of("MEILISEARCH_MASTER_KEY", secrets.meilisearchMasterKey),
                            Env.of("MEILISEARCH_API_KEY_UID", secrets.meilisearchApiKeyUid),
                            // A new Meilisearch may start on an empty database: recreate the key.
                            Env.of("EDXSTACK_MEILISEARCH_IMAGE", spec.images().meilisearch())), order.after()));
        }
        // Tutor's own init tasks, rendered for this platform, in Tutor's order: the LMS's, the CMS's, then each
        // plugin's (tutor-mfe: its waffle flags). mysql and meilisearch are edxstack's jobs above.
        List<String> apps = new ArrayList<>(List.of("lms", "cms"));
        apps.addAll(tutor.plugins());
        for (String app : apps) {
            List<TutorEnvironment.InitTask> tasks = tutor.initTasks().stream().filter(t -> t.app().equals(app)).toList();
            if (tasks.isEmpty()) {
                continue;
            }
            OpenedxPod pod = tasks.get(0).service().equals("cms") ? cms : lms;
            String script = tutorScript(tasks);
            List<Env> env = new ArrayList<>();
            for (String variable : PlatformSettings.placeholders(Map.of("script", script))) {
                env.add(Env.of(variable, lms.secretRef(variable)));
            }
            // A new Meilisearch (its on-disk format changes between minor versions) re-runs the indexing tasks.
            env.add(Env.of("EDXSTACK_MEILISEARCH_IMAGE", spec.images().meilisearch()));
            order.then(job(scope, app + "-init", spec.images().openedx(), OpenedxPod.APP_UID, pod,
                    PLACEHOLDER.matcher(script).replaceAll("\"\\${$1}\""), env, order.after()));
        }
        if (spec.admin().isPresent()) {
            order.then(job(scope, "admin-init", spec.images().openedx(), OpenedxPod.APP_UID, lms, InitScripts.ADMIN, List.of(
                    Env.of("ADMIN_USERNAME", new SecretRef(PlatformSecrets.ADMIN, "username")),
                    Env.of("ADMIN_EMAIL", new SecretRef(PlatformSecrets.ADMIN, "email")),
                    Env.of("ADMIN_PASSWORD", secrets.adminPassword)), order.after()));
        }
    }

    /** Tutor's tasks of one app as one script: each in a subshell (a task may exit), the whole under sh -e. */
    static String tutorScript(List<TutorEnvironment.InitTask> tasks) {
        StringBuilder script = new StringBuilder("set -e\n");
        for (TutorEnvironment.InitTask task : tasks) {
            script.append("(\n").append(task.script().strip()).append("\n)\n");
        }
        return script.toString();
    }

    /** The Jobs the Deployments wait for; empty on a standby stack. */
    List<Job> jobs() {
        return List.copyOf(jobs);
    }

    /**
     * One Job. With {@code openedx} it runs the Open edX image as that service (its settings, environment
     * and volumes); otherwise a plain pod of the given image and user with scratch space.
     */
    private Job job(PlatformScope scope, String name, String image, int uid, OpenedxPod openedx, String script,
                    List<Env> env, List<Resource> dependsOn) {
        var size = ContainerSizes.of(scope.spec(), "jobs");
        List<EnvVarArgs> envArgs = env.stream().map(Env::args).toList();
        ContainerArgs.Builder container = openedx != null ? openedx.container(name, size, envArgs)
                : ContainerArgs.builder().name(name).image(image).env(envArgs)
                .volumeMounts(Hardening.mount("tmp", "/tmp", false))
                .securityContext(Hardening.container(true))
                .resources(Hardening.resources(size));
        ContainerArgs built = container.imagePullPolicy("IfNotPresent").command(List.of("sh", "-c", script)).build();
        String settingsHash = openedx != null ? openedx.settings().hash : "";
        String jobName = name + "-" + hash(image, script, settingsHash, env);
        PodSpecArgs.Builder pod = openedx != null ? openedx.podSpec(List.of(built), size) : PodSpecArgs.builder()
                .securityContext(Hardening.pod(uid))
                .automountServiceAccountToken(false)
                .enableServiceLinks(false)
                .containers(built)
                .volumes(Hardening.scratch("tmp", "256Mi"));
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("pulumi.com/timeoutSeconds", Integer.toString(TIMEOUT_SECONDS));
        // A failed Job is replaced (run again) by the next update instead of blocking it.
        annotations.put("pulumi.com/replaceUnready", "true");
        Job job = new Job(scope.name(jobName), JobArgs.builder()
                .metadata(scope.metadata(jobName, scope.labels(name, "init"), annotations))
                .spec(JobSpecArgs.builder()
                        .backoffLimit(3)
                        .activeDeadlineSeconds(TIMEOUT_SECONDS)
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(scope.labels(name, "init")).build())
                                .spec(pod.restartPolicy("Never").build())
                                .build())
                        .build())
                .build(), scope.options(dependsOn));
        jobs.add(job);
        return job;
    }

    /** First 10 hex digits of SHA-256 over image, script, settings hash and the job's own environment. */
    static String hash(String image, String script, String settingsHash, List<Env> env) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("image", image);
        key.put("script", script);
        key.put("settings", settingsHash);
        key.put("env", env.stream().map(Env::describe).toList());
        try {
            return PlatformSettings.sha256(Map.of("job", JSON.writeValueAsString(key))).substring(0, 10);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot hash a job spec", e);
        }
    }
}
