package io.edxstack.backup.schedule;

import io.edxstack.config.PlatformSpec;

import java.util.List;

/** The databases of a platform that the agent backs up: its MySQL and its MongoDB. */
public final class DatabaseTargets {
    private DatabaseTargets() {
    }

    public static List<DatabaseTarget> of(PlatformSpec platform) {
        return List.of(
                new DatabaseTarget("mysql", "mysql", 3306, "root", "openedx", "mysql-root", "password"),
                new DatabaseTarget("mongodb", "mongodb", 27017, "root", "openedx", "mongodb-root", "password"));
    }
}
