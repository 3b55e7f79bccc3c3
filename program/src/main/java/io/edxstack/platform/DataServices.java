package io.edxstack.platform;

import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.StatefulSet;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import io.edxstack.config.PlatformSpec;
import io.edxstack.config.PlatformSpec.ServiceSpec;
import io.edxstack.config.StackConfig.FrontDoorMode;
import io.edxstack.state.Quantity;
import io.edxstack.tutorenv.TutorEnvironment;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.edxstack.platform.OpenedxPod.literal;

/**
 * Tutor's data services, each run in the namespace unless the catalogue points it at an external endpoint:
 * MySQL 8.4, MongoDB 7.0, Redis 7.4 and Meilisearch 1.36 as StatefulSets, and the SMTP relay. MySQL and MongoDB
 * run with the server arguments of Tutor's manifests.
 */
final class DataServices {
    /** The official images' non-root users. */
    static final int MYSQL_UID = 999;
    static final int MONGODB_UID = 999;
    static final int REDIS_UID = 999;
    static final int MEILISEARCH_UID = 1000;
    static final int SMTP_UID = 100;

    static final String MEILISEARCH_DB = "/meili_data/data.ms";
    /** Tutor's redis.conf in its environment, and where its manifest mounts it. */
    static final String REDIS_CONF = "apps/redis/redis.conf";
    static final String REDIS_CONFIG_DIR = "/openedx/redis/config/";
    /**
     * Meilisearch's on-disk format changes between minor versions, and a newer engine refuses an older database.
     * Its indexes are derived data: when the data was written by another major.minor than the image's, the
     * database is removed before the engine starts; meilisearch-init recreates the API key (same uid, same key)
     * and the LMS and CMS init jobs, which a new Meilisearch image re-runs, rebuild the indexes.
     */
    static final String MEILISEARCH_FORMAT_CHECK = """
            set -e
            if [ -f "$MEILI_DB_PATH/VERSION" ]; then
              have="$(cut -d. -f1,2 "$MEILI_DB_PATH/VERSION")"
              if [ "$have" != "$EDXSTACK_MEILISEARCH_VERSION" ]; then
                echo "edxstack: Meilisearch data of $have, engine $EDXSTACK_MEILISEARCH_VERSION: removing the database; the init jobs rebuild the indexes"
                rm -rf "$MEILI_DB_PATH"
              fi
            fi
            """;

    private final Map<String, StatefulSet> statefulSets = new LinkedHashMap<>();

    /** Starts the internal services one after the other, after the storage class, in {@code order}. */
    DataServices(PlatformScope scope, PlatformSecrets secrets, TutorEnvironment environment, StartOrder order) {
        TutorManifests tutor = TutorManifests.of(environment);
        PlatformSpec spec = scope.spec();
        var images = spec.images();
        var services = spec.services();
        if (services.redis().internal()) {
            add(scope, redis(scope, environment, images.redis(), services.redis(), secrets), order);
        }
        if (services.mongodb().internal()) {
            add(scope, mongodb(images.mongodb(), services.mongodb(), secrets, tutorArgs(tutor, "mongodb")), order);
        }
        if (services.meilisearch().internal()) {
            boolean exposed = spec.hosts().meilisearch().isPresent()
                    && scope.stack().workloads().frontDoor().mode() == FrontDoorMode.INGRESS;
            add(scope, meilisearch(images.meilisearch(), services.meilisearch(), secrets, exposed), order);
        }
        if (services.mysql().internal()) {
            add(scope, mysql(images.mysql(), services.mysql(), secrets, tutorArgs(tutor, "mysql")), order);
        }
        if (services.smtp().internal()) {
            smtpRelay(scope, services.smtp());
        }
    }

    Optional<StatefulSet> statefulSet(String name) {
        return Optional.ofNullable(statefulSets.get(name));
    }

    private void add(PlatformScope scope, DataService service, StartOrder order) {
        statefulSets.put(service.name(), order.then(StatefulService.create(scope, service, order.after())));
    }

    /** "1.36" of ".../meilisearch:v1.36.0": what Meilisearch writes into its database's VERSION file, cut. */
    static String majorMinor(String image) {
        String tag = image.substring(image.lastIndexOf(':') + 1).replaceFirst("^v", "");
        String[] parts = tag.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : tag;
    }

    /** The server arguments of Tutor's manifest for a data service (character set, binlogs, storage engine). */
    private static List<String> tutorArgs(TutorManifests tutor, String name) {
        return TutorManifests.strings(tutor.container("Deployment", name).path("args"));
    }

    private static DataService mysql(String image, ServiceSpec spec, PlatformSecrets secrets, List<String> args) {
        return new DataService("mysql", image, MYSQL_UID, spec.port(), "/var/lib/mysql", spec.storage(),
                List.of("/var/run/mysqld", "/tmp"), List.of(), args,
                List.of(secrets.mysqlRoot.env("MYSQL_ROOT_PASSWORD")),
                Probes.tcp("mysql", 10, 60),
                // mysqladmin ping succeeds once the server answers, even without credentials.
                Probes.exec(List.of("mysqladmin", "ping", "--host=127.0.0.1", "--silent"), 10, 5, 3),
                Probes.tcp("mysql", 20, 3), false, List.of(), Optional.empty());
    }

    private static DataService mongodb(String image, ServiceSpec spec, PlatformSecrets secrets, List<String> args) {
        return new DataService("mongodb", image, MONGODB_UID, spec.port(), "/data/db", spec.storage(),
                List.of("/data/configdb", "/tmp"), List.of(), args,
                List.of(literal("MONGO_INITDB_ROOT_USERNAME", PlatformSecrets.OPENEDX_USER),
                        secrets.mongodb.password().env("MONGO_INITDB_ROOT_PASSWORD")),
                Probes.tcp("mongodb", 10, 60),
                Probes.exec(List.of("mongosh", "--quiet", "--norc", "--eval", "db.adminCommand('ping').ok"), 30, 10, 3),
                Probes.tcp("mongodb", 20, 3), false, List.of(), Optional.empty());
    }

    /**
     * Redis with Tutor's redis.conf (persistence, eviction policy), mounted where Tutor's manifest mounts it, plus
     * what edxstack adds at start into a file in scratch space: the password (never on the command line, where ps
     * would show it) and a maxmemory that fits the container (Tutor's 4gb is above its memory limit), then the
     * data directory of the volume.
     */
    private static DataService redis(PlatformScope scope, TutorEnvironment tutor, String image, ServiceSpec spec,
                                     PlatformSecrets secrets) {
        String conf = tutor.file(REDIS_CONF);
        String configName = ContentConfigMap.create(scope, "redis-config", "data", Map.of("redis.conf", conf)).name();
        String start = "umask 077 && { cat " + REDIS_CONFIG_DIR + "redis.conf;"
                + " printf 'requirepass %s\\nmaxmemory %s\\n' \"$REDIS_PASSWORD\" \"$REDIS_MAXMEMORY\"; } > /tmp/redis.conf"
                + " && exec redis-server /tmp/redis.conf --dir /data";
        List<String> ping = List.of("redis-cli", "ping");
        return new DataService("redis", image, REDIS_UID, spec.port(), "/data", spec.storage(), List.of("/tmp"),
                List.of("sh", "-c", start), List.of(),
                List.of(secrets.redisPassword.env("REDIS_PASSWORD"), secrets.redisPassword.env("REDISCLI_AUTH"),
                        literal("REDIS_MAXMEMORY", redisMaxMemory(scope.spec()))),
                Probes.tcp("redis", 5, 60), Probes.exec(ping, 10, 5, 3), Probes.exec(ping, 20, 5, 3), false, List.of(),
                Optional.of(new DataService.MountedConfig(configName, REDIS_CONFIG_DIR)));
    }

    /** Three quarters of the container's memory limit, in bytes: Redis evicts before the kernel kills it. */
    static String redisMaxMemory(PlatformSpec spec) {
        BigDecimal limit = Quantity.of(ContainerSizes.of(spec, "redis").limits().memory());
        return limit.multiply(new BigDecimal("0.75")).toBigInteger().toString();
    }

    private static DataService meilisearch(String image, ServiceSpec spec, PlatformSecrets secrets, boolean exposed) {
        return new DataService("meilisearch", image, MEILISEARCH_UID, spec.port(), "/meili_data", spec.storage(),
                List.of("/tmp"), List.of(), List.of(),
                List.of(literal("MEILI_ENV", "production"), literal("MEILI_DB_PATH", MEILISEARCH_DB),
                        literal("EDXSTACK_MEILISEARCH_VERSION", majorMinor(image)),
                        literal("MEILI_DUMP_DIR", "/meili_data/dumps"), literal("MEILI_NO_ANALYTICS", "true"),
                        secrets.meilisearchMasterKey.env("MEILI_MASTER_KEY")),
                Probes.http("/health", "meilisearch", null, 10, 60),
                Probes.http("/health", "meilisearch", null, 10, 3),
                Probes.http("/health", "meilisearch", null, 20, 3), exposed,
                List.of("sh", "-c", MEILISEARCH_FORMAT_CHECK), Optional.empty());
    }

    /**
     * Tutor's relay (exim) for outgoing mail. Stateless; its spool is scratch space. The image writes only its
     * spool (its logs are links to stdout and stderr), so the root filesystem is read-only like every other
     * container's, with emptyDirs for the spool and /tmp.
     */
    private static Deployment smtpRelay(PlatformScope scope, ServiceSpec spec) {
        var container = ContainerArgs.builder()
                .name("smtp")
                .image(scope.spec().images().smtp())
                .imagePullPolicy("IfNotPresent")
                .env(literal("HOSTNAME", scope.spec().hosts().lms()),
                        literal("RELAY_FROM_HOSTS", "10.0.0.0/8:172.16.0.0/12:192.168.0.0/16"))
                .ports(ContainerPortArgs.builder().name("smtp").containerPort(spec.port()).protocol("TCP").build())
                .securityContext(Hardening.container(true))
                .volumeMounts(Hardening.mount("spool", "/var/spool/exim", false), Hardening.mount("tmp", "/tmp", false))
                .resources(Hardening.resources(ContainerSizes.of(scope.spec(), "smtp")))
                .startupProbe(Probes.tcp("smtp", 5, 24))
                .readinessProbe(Probes.tcp("smtp", 10, 3))
                .livenessProbe(Probes.tcp("smtp", 20, 3))
                .build();
        var pod = PodSpecArgs.builder()
                .securityContext(Hardening.pod(SMTP_UID))
                .automountServiceAccountToken(false)
                .enableServiceLinks(false)
                .containers(container)
                .volumes(Hardening.scratch("spool", "256Mi"), Hardening.scratch("tmp", "16Mi"));
        Workloads.service(scope, "smtp", "mail", spec.port(), "smtp");
        // Mail from a standby stack's jobs does not exist, but the relay is cheap and keeps DR symmetric.
        return Workloads.deployment(scope, "smtp", "mail", Optional.of(1), false, pod, List.of());
    }
}
