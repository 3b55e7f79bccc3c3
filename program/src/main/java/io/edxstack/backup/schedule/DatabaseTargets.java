package io.edxstack.backup.schedule;

import io.edxstack.backup.contract.DatabaseKind;
import io.edxstack.config.PlatformSpec;
import io.edxstack.config.PlatformSpec.ServiceSpec;

import java.util.List;
import java.util.Optional;

/**
 * The databases of a platform the agent backs up and restores: its MySQL and its MongoDB, in the cluster
 * (the platform's own services and credentials Secrets) or external (the host and the existing Secret the
 * catalogue names, with keys {@code username} and {@code password}).
 */
public final class DatabaseTargets {
    /** The Open edX database in both (Tutor's OPENEDX_MYSQL_DATABASE and MONGODB_DATABASE). */
    static final String DATABASE = "openedx";

    private DatabaseTargets() {
    }

    public static List<DatabaseTarget> of(PlatformSpec platform) {
        var services = platform.services();
        return List.of(
                // A consistent dump of every table needs the root account in the cluster.
                target(DatabaseKind.MYSQL, services.mysql(), "root", "mysql-credentials", "root-password"),
                target(DatabaseKind.MONGODB, services.mongodb(), "openedx", "mongodb-credentials", "password"));
    }

    private static DatabaseTarget target(DatabaseKind kind, ServiceSpec service, String user, String secret, String key) {
        if (service.internal()) {
            return new DatabaseTarget(kind, kind.label(), service.port(), Optional.of(user), DATABASE, secret, key);
        }
        // An external database's account is the one its existing Secret holds (keys username and password).
        return new DatabaseTarget(kind, service.host().orElseThrow(), service.port(), Optional.empty(), DATABASE,
                service.existingSecret().orElseThrow(), "password");
    }
}
