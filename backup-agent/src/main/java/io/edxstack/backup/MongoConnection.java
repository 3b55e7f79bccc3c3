package io.edxstack.backup;

import io.edxstack.backup.contract.AgentEnv;

/**
 * How to reach one MongoDB database. The URI may itself hold a password, so neither it nor the password ever goes
 * on a command line, and {@link #toString()} shows the URI without its user information.
 */
public record MongoConnection(String uri, String password, String database) {

    public MongoConnection {
        if (!uri.startsWith("mongodb://") && !uri.startsWith("mongodb+srv://")) {
            throw new BackupSettingsException("MongoDB URI (--mongodb-uri, " + AgentEnv.MONGODB_URI + ") does not start with "
                    + "mongodb:// or mongodb+srv://, perhaps mongodb://backup@mongodb:27017/?authSource=admin");
        }
    }

    @Override
    public String toString() {
        int schemeEnd = uri.indexOf("://") + 3;
        int at = uri.indexOf('@', schemeEnd);
        int slash = uri.indexOf('/', schemeEnd);
        boolean hasUser = at > 0 && (slash < 0 || at < slash);
        return (hasUser ? uri.substring(0, schemeEnd) + "***@" + uri.substring(at + 1) : uri) + " db " + database;
    }
}
