package io.edxstack.backup;

import io.edxstack.backup.contract.AgentEnv;

/** How to reach one MariaDB/MySQL database; {@link #toString()} leaves the password out. */
public record MysqlConnection(String host, int port, String user, String password, String database) {

    public MysqlConnection {
        if (port < 1 || port > 65535) {
            throw new BackupSettingsException("MySQL port " + port + " (--mysql-port, " + AgentEnv.MYSQL_PORT + ") is not a "
                    + "TCP port, perhaps 3306");
        }
    }

    public MysqlConnection withDatabase(String other) {
        return new MysqlConnection(host, port, user, password, other);
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + database;
    }
}
