package io.edxstack.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Open edX platform of the catalogue ({@code stacks/platforms/<name>.yaml}): the only place that
 * says which stacks run it, so both regions read the same definition and DR never drifts from primary.
 *
 * @param settingsOverrides {@code <name>.settings.json}: {@code {"lms": {...}, "cms": {...}}}, deep-merged
 *                          over the settings rendered from {@code settings}; an empty object without the file
 * @param plugins           the Tutor plugins it enables ({@code plugins:}), besides tutor-mfe, which runs with the MFE
 */
public record PlatformSpec(
        String name,
        String file,
        Set<String> stacks,
        Hosts hosts,
        Images images,
        Quota quota,
        ContainerLimits limits,
        Sizing sizing,
        Settings settings,
        Services services,
        Map<String, ContainerSize> resources,
        Optional<Admin> admin,
        Optional<String> jwtKeySecret,
        ObjectNode settingsOverrides,
        BackupSchedules backup,
        List<TutorPlugin> plugins) {

    public PlatformSpec {
        plugins = List.copyOf(plugins);
    }

    /**
     * @param meilisearch the public name of the platform's own Meilisearch (Tutor's MEILISEARCH_PUBLIC_URL), which
     *                    Studio's content search queries from the browser with a restricted tenant token
     */
    public record Hosts(String lms, String cms, Optional<String> mfe, Optional<String> meilisearch) {
        /** Every name the front door serves and the certificate covers. */
        public List<String> all() {
            List<String> all = new ArrayList<>(List.of(lms, cms));
            mfe.ifPresent(all::add);
            meilisearch.ifPresent(all::add);
            return List.copyOf(all);
        }
    }

    /** Images pinned by tag (never {@code latest}), by default from Magnum's private registry. */
    public record Images(String openedx, Optional<String> mfe, String caddy, String mysql, String mongodb,
                         String redis, String meilisearch, String smtp) {
    }

    /** The namespace's ResourceQuota: what all of the platform's pods and volumes may claim together. */
    public record Quota(String requestsCpu, String requestsMemory, String limitsCpu, String limitsMemory,
                        String requestsStorage, int pods, int persistentVolumeClaims) {
    }

    /** The namespace's LimitRange: defaults and bounds for a container that states none. */
    public record ContainerLimits(Resources defaultRequest, Resources defaultLimit, Resources max) {
    }

    public record Resources(String cpu, String memory) {
    }

    /** Requests and limits of one kind of container ({@code resources.<component>} in the catalogue). */
    public record ContainerSize(Resources requests, Resources limits) {
    }

    /** Replica bounds of the web and worker Deployments on an active stack. */
    public record Sizing(Replicas lms, Replicas cms, Replicas lmsWorker, Replicas cmsWorker, Replicas mfe) {
    }

    public record Replicas(int replicas, int minReplicas, int maxReplicas) {
        /** An autoscaler only when there is room to scale. */
        public boolean autoscaled() {
            return maxReplicas > minReplicas;
        }
    }

    /** Tutor's typed settings ({@code PLATFORM_NAME}, {@code CONTACT_EMAIL}, ...); hosts come from {@code hosts}. */
    public record Settings(String platformName, String contactEmail, String languageCode, String timeZone,
                           boolean enableHttps) {
    }

    public enum ServiceMode { INTERNAL, EXTERNAL }

    /**
     * A data service: run in the namespace on a retained Cinder volume, or reached at an external endpoint
     * whose credentials are in an existing Secret of the namespace.
     */
    public record ServiceSpec(ServiceMode mode, Optional<String> host, int port, Optional<String> existingSecret,
                              String storage, boolean tls) {
        public boolean internal() {
            return mode == ServiceMode.INTERNAL;
        }
    }

    public record Services(ServiceSpec mysql, ServiceSpec mongodb, ServiceSpec redis, ServiceSpec meilisearch,
                           ServiceSpec smtp) {
        /** name -> spec, in Tutor's order. */
        public Map<String, ServiceSpec> byName() {
            Map<String, ServiceSpec> all = new LinkedHashMap<>();
            all.put("mysql", mysql);
            all.put("mongodb", mongodb);
            all.put("redis", redis);
            all.put("meilisearch", meilisearch);
            all.put("smtp", smtp);
            return all;
        }
    }

    /** A Django superuser created by an init job; its password is derived like the other secrets. */
    public record Admin(String username, String email) {
    }

    /**
     * When the active stack dumps the platform's databases, when the standby stack restores them, and when
     * expired backups are pruned (cron, UTC).
     */
    public record BackupSchedules(String backup, String restore, String prune) {
    }

    public boolean runsOn(String stackName) {
        return stacks.contains(stackName);
    }

    /** The MFE Deployment runs only when both its image and its host are set. */
    public boolean hasMfe() {
        return images.mfe().isPresent() && hosts.mfe().isPresent();
    }
}
