package io.edxstack.config;

import io.edxstack.config.BackupConfig.S3Keys;
import io.edxstack.config.FailoverConfig.DnsConfig;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static io.edxstack.config.ConfigKeys.*;

/** Reads the backup, failover and DNS keys of a stack. */
final class BackupConfigParser {
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private BackupConfigParser() {
    }

    static BackupConfig backup(ConfigReader config, boolean magnum) {
        String endpoint = config.requiredString(BACKUP_S3_ENDPOINT, "backups and restores need the backup bucket's endpoint");
        if (!endpoint.isEmpty()) {
            requireHttpUrl(config, BACKUP_S3_ENDPOINT, endpoint, "https://s3.regiontwo.example.org");
        }
        String bucket = config.optionalString(BACKUP_BUCKET).orElse("");
        requireBucketName(config, BACKUP_BUCKET, bucket);
        boolean createBucket = config.bool(BACKUP_CREATE_BUCKET);
        Optional<S3Keys> keys = Optional.empty();
        if (config.oneOf(BACKUP_CREDENTIALS, Set.of("openstack", "config")).equals("config")) {
            var access = config.secret(BACKUP_ACCESS_KEY);
            var secret = config.secret(BACKUP_SECRET_KEY);
            if (access.isEmpty()) {
                config.problem(BACKUP_ACCESS_KEY, "missing with edxstack:backup.credentials config, perhaps "
                        + "'pulumi config set --secret edxstack:backup.s3AccessKey'");
            }
            if (secret.isEmpty()) {
                config.problem(BACKUP_SECRET_KEY, "missing with edxstack:backup.credentials config, perhaps "
                        + "'pulumi config set --secret edxstack:backup.s3SecretKey'");
            }
            keys = Optional.of(new S3Keys(access.orElse(new SecretValue("")), secret.orElse(new SecretValue(""))));
        } else {
            config.rejectIfSet(BACKUP_ACCESS_KEY, "with edxstack:backup.credentials openstack");
            config.rejectIfSet(BACKUP_SECRET_KEY, "with edxstack:backup.credentials openstack");
            if (!magnum) {
                config.problem(BACKUP_CREDENTIALS, "must be config with edxstack:cluster.mode existing: that mode creates "
                        + "no OpenStack resource, perhaps set backup.s3AccessKey and backup.s3SecretKey");
            }
        }
        if (createBucket && !magnum) {
            config.problem(BACKUP_CREATE_BUCKET, "must be false with edxstack:cluster.mode existing (no OpenStack resource is created)");
        }
        Optional<BackupConfig.CopyBucket> copy = copyBucket(config, endpoint, bucket, magnum);
        String image = config.optionalString(BACKUP_AGENT_IMAGE).orElse("");
        if (!image.matches("[a-z0-9.:-]+(/[a-z0-9._-]+)+:[A-Za-z0-9_][A-Za-z0-9._-]{0,127}") || image.endsWith(":latest")) {
            config.problem(BACKUP_AGENT_IMAGE, "must be registry/repository:tag pinned to a version (got '" + image + "')");
        }
        int rpo = config.integer(BACKUP_RPO_MINUTES, 15, 7 * 24 * 60);
        return new BackupConfig(endpoint, config.optionalString(BACKUP_S3_REGION).orElse("default"), bucket,
                createBucket, keys, copy, image, Duration.ofMinutes(rpo));
    }

    private static Optional<BackupConfig.CopyBucket> copyBucket(ConfigReader config, String endpoint, String bucket,
                                                                boolean magnum) {
        Optional<String> copyEndpoint = config.optionalString(BACKUP_COPY_S3_ENDPOINT);
        boolean create = config.bool(BACKUP_COPY_CREATE_BUCKET);
        if (copyEndpoint.isEmpty()) {
            if (create) {
                config.problem(BACKUP_COPY_CREATE_BUCKET, "needs edxstack:backup.copyS3Endpoint, the endpoint of "
                        + "the copy's bucket");
            }
            return Optional.empty();
        }
        String copyBucket = config.optionalString(BACKUP_COPY_BUCKET).orElse("");
        requireHttpUrl(config, BACKUP_COPY_S3_ENDPOINT, copyEndpoint.get(), "https://s3.regionone.example.org");
        if (requireBucketName(config, BACKUP_COPY_BUCKET, copyBucket) && copyBucket.equals(bucket)
                && copyEndpoint.get().equals(endpoint)) {
            config.problem(BACKUP_COPY_BUCKET, "is the backup bucket itself, perhaps a bucket on the active region's "
                    + "Ceph");
        }
        if (create && !magnum) {
            config.problem(BACKUP_COPY_CREATE_BUCKET, "must be false with edxstack:cluster.mode existing (no "
                    + "OpenStack resource is created)");
        }
        return Optional.of(new BackupConfig.CopyBucket(copyEndpoint.get(),
                config.optionalString(BACKUP_COPY_S3_REGION).orElse("default"), copyBucket, create));
    }

    static FailoverConfig failover(ConfigReader config, Role role, boolean magnum) {
        boolean unreachable = config.bool(FAILOVER_PRIMARY_UNREACHABLE);
        if (unreachable && role != Role.ACTIVE) {
            config.problem(FAILOVER_PRIMARY_UNREACHABLE, "only means something on an active stack (a promotion), "
                    + "perhaps set edxstack:role active in the same change");
        }
        Optional<String> zone = config.optionalString(DNS_ZONE_ID);
        Optional<String> address = config.optionalString(DNS_FRONT_DOOR_ADDRESS);
        int ttl = config.integer(DNS_TTL, 30, 86_400);
        address.filter(a -> !ConfigPatterns.IPV4.matcher(a).matches())
                .ifPresent(a -> config.problem(DNS_FRONT_DOOR_ADDRESS, "must be an IPv4 address (got '" + a + "')"));
        if (zone.isPresent() && address.isEmpty()) {
            config.problem(DNS_FRONT_DOOR_ADDRESS, "missing, the DNS records of edxstack:dns.zoneId need the address they point to");
        }
        if (zone.isPresent() && !magnum) {
            config.problem(DNS_ZONE_ID, "needs edxstack:cluster.mode magnum (Designate is an OpenStack resource), "
                    + "perhaps manage DNS outside");
        }
        return new FailoverConfig(unreachable, zone.map(z -> new DnsConfig(z, address.orElse(""), ttl)));
    }

    private static void requireHttpUrl(ConfigReader config, ConfigKey key, String value, String example) {
        if (!isHttpUrl(value)) {
            config.problem(key, "must be an http(s) URL such as " + example + " (got '" + value + "')");
        }
    }

    /** Reports a name S3 would refuse; true when the name is valid. */
    private static boolean requireBucketName(ConfigReader config, ConfigKey key, String value) {
        if (BUCKET.matcher(value).matches()) {
            return true;
        }
        config.problem(key, "must be an S3 bucket name: 3-63 lower-case letters, digits, '.' or '-' (got '" + value + "')");
        return false;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
