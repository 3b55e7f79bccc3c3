package io.edxstack.backup.cli;

import io.edxstack.backup.contract.AgentEnv;
import io.edxstack.backup.MongoConnection;
import io.edxstack.backup.MysqlConnection;
import picocli.CommandLine.Option;

import java.nio.file.Path;

import static io.edxstack.backup.cli.S3Options.required;

/**
 * How to reach the platform's databases; only the kind a command works on is validated. Passwords come from
 * EDXSTACK_MYSQL_PASSWORD / EDXSTACK_MONGODB_PASSWORD or a file, never a flag.
 */
final class BackupDatabaseOptions {
    @Option(names = "--mysql-host", defaultValue = "${env:" + AgentEnv.MYSQL_HOST + "}",
            description = "MySQL host (env " + AgentEnv.MYSQL_HOST + ")")
    String mysqlHost;

    @Option(names = "--mysql-port", defaultValue = "${env:" + AgentEnv.MYSQL_PORT + ":-3306}",
            description = "MySQL port (env " + AgentEnv.MYSQL_PORT + ", default ${DEFAULT-VALUE})")
    int mysqlPort;

    @Option(names = "--mysql-user", defaultValue = "${env:" + AgentEnv.MYSQL_USER + "}",
            description = "MySQL user (env " + AgentEnv.MYSQL_USER + ")")
    String mysqlUser;

    @Option(names = "--mysql-password-file", defaultValue = "${env:" + AgentEnv.MYSQL_PASSWORD_FILE + "}",
            description = "file holding the MySQL password (env " + AgentEnv.MYSQL_PASSWORD_FILE + "); "
                    + "else env " + AgentEnv.MYSQL_PASSWORD)
    Path mysqlPasswordFile;

    @Option(names = "--mysql-database", defaultValue = "${env:" + AgentEnv.MYSQL_DATABASE + ":-edxapp}",
            description = "MySQL database (env " + AgentEnv.MYSQL_DATABASE + ", default ${DEFAULT-VALUE})")
    String mysqlDatabase;

    @Option(names = "--mongodb-uri", defaultValue = "${env:" + AgentEnv.MONGODB_URI + "}",
            description = "MongoDB connection URI (env " + AgentEnv.MONGODB_URI + ")")
    String mongoUri;

    @Option(names = "--mongodb-password-file", defaultValue = "${env:" + AgentEnv.MONGODB_PASSWORD_FILE + "}",
            description = "file holding the MongoDB password (env " + AgentEnv.MONGODB_PASSWORD_FILE + "); "
                    + "else env " + AgentEnv.MONGODB_PASSWORD)
    Path mongoPasswordFile;

    @Option(names = "--mongodb-database", defaultValue = "${env:" + AgentEnv.MONGODB_DATABASE + ":-openedx}",
            description = "MongoDB database (env " + AgentEnv.MONGODB_DATABASE + ", default ${DEFAULT-VALUE})")
    String mongoDatabase;

    MysqlConnection mysql() {
        String password = BackupSecrets.read(mysqlPasswordFile, "--mysql-password-file", AgentEnv.MYSQL_PASSWORD);
        return new MysqlConnection(required(mysqlHost, "MySQL host", "--mysql-host", AgentEnv.MYSQL_HOST),
                mysqlPort,
                required(mysqlUser, "MySQL user", "--mysql-user", AgentEnv.MYSQL_USER),
                password == null ? "" : password,
                required(mysqlDatabase, "MySQL database", "--mysql-database", AgentEnv.MYSQL_DATABASE));
    }

    MongoConnection mongo() {
        String password = BackupSecrets.read(mongoPasswordFile, "--mongodb-password-file",
                AgentEnv.MONGODB_PASSWORD);
        return new MongoConnection(required(mongoUri, "MongoDB URI", "--mongodb-uri", AgentEnv.MONGODB_URI),
                password == null ? "" : password,
                required(mongoDatabase, "MongoDB database", "--mongodb-database", AgentEnv.MONGODB_DATABASE));
    }
}
