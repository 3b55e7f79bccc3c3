package io.edxstack.backup;

import io.edxstack.backup.contract.AgentEnv;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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

    /**
     * The URI for the Java driver, the password put into its user information: the driver refuses a URI that names
     * a user without a password unless it also names the mechanism, and the rendered URI names neither (the
     * mechanism is negotiated). Held in memory only, never logged or put on a command line.
     */
    String uriWithPassword() {
        int schemeEnd = uri.indexOf("://") + 3;
        int at = userEnd(schemeEnd);
        if (password.isEmpty() || at < 0 || uri.substring(schemeEnd, at).contains(":")) {
            return uri;
        }
        return uri.substring(0, at) + ":" + URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20")
                + uri.substring(at);
    }

    @Override
    public String toString() {
        int schemeEnd = uri.indexOf("://") + 3;
        int at = userEnd(schemeEnd);
        return (at >= 0 ? uri.substring(0, schemeEnd) + "***@" + uri.substring(at + 1) : uri) + " db " + database;
    }

    /** Where the user information ends (its '@'), or -1 when the URI has none. */
    private int userEnd(int schemeEnd) {
        int at = uri.indexOf('@', schemeEnd);
        int slash = uri.indexOf('/', schemeEnd);
        return at > 0 && (slash < 0 || at < slash) ? at : -1;
    }
}
