package io.edxstack.backup;

import io.edxstack.testing.CephRgwServer;
import io.edxstack.testing.MariaDbServer;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The real MariaDB and Ceph RGW the integration tests share, plus a bucket of the test's own, and the settings
 * the agent gets from a CronJob (as environment variables, for child JVMs).
 */
final class BackupTestEnvironment {
    final MariaDbServer mariadb = MariaDbServer.shared();
    final CephRgwServer rgw = CephRgwServer.shared();
    final String bucket;

    BackupTestEnvironment(String name) {
        this.bucket = name.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (S3Client s3 = S3ClientFactory.create(settings(), 1)) {
            s3.createBucket(r -> r.bucket(bucket));
        }
    }

    S3Settings settings() {
        return settings(rgw.endpoint());
    }

    S3Settings settings(URI endpoint) {
        return new S3Settings(endpoint, "us-east-1", bucket, "backups", CephRgwServer.ACCESS_KEY,
                CephRgwServer.SECRET_KEY, 2);
    }

    BackupStore store() {
        return BackupStore.open(settings(), 4);
    }

    MysqlConnection mysql(String database) {
        return new MysqlConnection(mariadb.host(), mariadb.port(), MariaDbServer.USER, MariaDbServer.PASSWORD,
                database);
    }

    /** What the backup CronJob sets; secrets included, as a Kubernetes Secret would provide them. */
    Map<String, String> agentEnvironment(String platform, String database) {
        Map<String, String> env = new HashMap<>();
        env.put("EDXSTACK_PLATFORM", platform);
        env.put("EDXSTACK_S3_ENDPOINT", rgw.endpoint().toString());
        env.put("EDXSTACK_S3_BUCKET", bucket);
        env.put("EDXSTACK_S3_PREFIX", "backups");
        env.put("AWS_ACCESS_KEY_ID", CephRgwServer.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", CephRgwServer.SECRET_KEY);
        env.put("EDXSTACK_REGION", "test-region-1");
        env.put("EDXSTACK_STACK_ROLE", "standby");
        env.put("EDXSTACK_MYSQL_HOST", mariadb.host());
        env.put("EDXSTACK_MYSQL_PORT", Integer.toString(mariadb.port()));
        env.put("EDXSTACK_MYSQL_USER", MariaDbServer.USER);
        env.put("EDXSTACK_MYSQL_PASSWORD", MariaDbServer.PASSWORD);
        env.put("EDXSTACK_MYSQL_DATABASE", database);
        env.put("EDXSTACK_PART_SIZE", "5MiB");
        env.put("EDXSTACK_S3_MAX_ATTEMPTS", "2");
        env.put("EDXSTACK_PROGRESS_INTERVAL", "1s");
        return env;
    }

    /** An Open edX-like schema: users, enrollments and courseware_studentmodule rows with JSON state. */
    void createOpenEdxDatabase(String database, int students) {
        mariadb.sql("DROP DATABASE IF EXISTS " + database + ";\nCREATE DATABASE " + database + " CHARACTER SET utf8mb4;\nUSE " + database
                + ";\n" + """
                CREATE TABLE auth_user (
                  id INT PRIMARY KEY, username VARCHAR(150) NOT NULL UNIQUE, email VARCHAR(254) NOT NULL,
                  date_joined DATETIME(6) NOT NULL) ENGINE=InnoDB;
                CREATE TABLE student_courseenrollment (
                  id INT AUTO_INCREMENT PRIMARY KEY, user_id INT NOT NULL, course_id VARCHAR(255) NOT NULL,
                  mode VARCHAR(100) NOT NULL, is_active TINYINT(1) NOT NULL,
                  CONSTRAINT fk_enrollment_user FOREIGN KEY (user_id) REFERENCES auth_user (id)) ENGINE=InnoDB;
                CREATE TABLE courseware_studentmodule (
                  id BIGINT AUTO_INCREMENT PRIMARY KEY, module_type VARCHAR(32) NOT NULL,
                  module_id VARCHAR(255) NOT NULL, student_id INT NOT NULL, state LONGTEXT CHECK (JSON_VALID(state)),
                  grade DOUBLE, max_grade DOUBLE, done VARCHAR(8) NOT NULL, course_id VARCHAR(255) NOT NULL,
                  created DATETIME(6) NOT NULL, modified DATETIME(6) NOT NULL,
                  KEY idx_student (student_id), UNIQUE KEY uq_module_student (student_id, module_id, course_id),
                  CONSTRAINT fk_module_student FOREIGN KEY (student_id) REFERENCES auth_user (id)) ENGINE=InnoDB;
                """
                + "INSERT INTO auth_user SELECT seq, CONCAT('learner', seq), CONCAT('learner', seq, '@example.org'), "
                + "'2026-09-01 08:00:00' + INTERVAL seq MINUTE FROM seq_1_to_" + students + ";\n"
                + "INSERT INTO student_courseenrollment (user_id, course_id, mode, is_active) SELECT seq, "
                + "'course-v1:edX+DemoX+2026', IF(seq % 7 = 0, 'verified', 'audit'), 1 FROM seq_1_to_" + students
                + ";\n"
                + "INSERT INTO courseware_studentmodule (module_type, module_id, student_id, state, grade, max_grade,"
                + " done, course_id, created, modified) SELECT 'problem', CONCAT('block-v1:edX+DemoX+2026+type@problem"
                + "+block@p', m.seq), u.seq, JSON_OBJECT('attempts', m.seq, 'seed', u.seq * 7 + m.seq, "
                + "'student_answers', JSON_OBJECT('q1', CONCAT('answer \\\"', u.seq, '\\\" ✓'), 'q2', MD5(u.seq + "
                + "m.seq)), 'done', TRUE), (u.seq + m.seq) % 5, 4, 'na', 'course-v1:edX+DemoX+2026', "
                + "'2026-10-01 10:00:00', '2026-10-02 11:30:00' FROM seq_1_to_" + students + " u JOIN seq_1_to_5 m;\n");
    }

    /** Every row of every table, in key order: equal text means equal data. */
    String contentOf(String database) {
        StringBuilder content = new StringBuilder();
        for (String table : mariadb.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                + database + "' ORDER BY table_name").strip().split("\n")) {
            if (!table.isBlank()) {
                content.append("== ").append(table).append('\n')
                        .append(mariadb.sql("SELECT * FROM " + database + "." + table + " ORDER BY 1"));
            }
        }
        return content.toString();
    }
}
