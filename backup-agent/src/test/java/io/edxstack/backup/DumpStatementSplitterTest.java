package io.edxstack.backup;

import io.edxstack.backup.DumpStatementSplitter.Kind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DumpStatementSplitterTest {
    /** A dump as mariadb-dump 10.11 writes it: rows on lines of their own, a trigger between DELIMITER lines. */
    private static final String DUMP = """
            /*M!999999\\- enable the sandbox mode */\s
            -- MariaDB dump 10.19  Distrib 10.11.19-MariaDB
            /*!40101 SET NAMES utf8mb4 */;
            /*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;

            --
            -- Table structure for table `t`
            --

            DROP TABLE IF EXISTS `t`;
            /*!40101 SET character_set_client = utf8mb4 */;
            CREATE TABLE `t` (
              `id` int(11) NOT NULL,
              `v` text DEFAULT NULL COMMENT 'ends like a row),',
              PRIMARY KEY (`id`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
            LOCK TABLES `t` WRITE;
            /*!40000 ALTER TABLE `t` DISABLE KEYS */;
            INSERT INTO `t` VALUES
            (1,'a;'),
            (2,'INSERT INTO `t` VALUES (3,\\'x\\');\\n'),
            (3,NULL);
            INSERT INTO `t` VALUES (4,'-- not a comment');
            /*!40000 ALTER TABLE `t` ENABLE KEYS */;
            UNLOCK TABLES;
            DELIMITER ;;
            /*!50003 CREATE*/ /*!50003 TRIGGER `t_ai` AFTER INSERT ON `t` FOR EACH ROW
            INSERT INTO `log` VALUES (NEW.id);
            SET @x = 1 */;;
            DELIMITER ;
            SET TIME_ZONE=@OLD_TIME_ZONE;
            -- Dump completed""";

    @Test
    void statements_areClassifiedForAParallelLoad() {
        List<String> statements = split(DUMP, DUMP.length());
        List<String> expected = List.of(
                "SESSION /*M!999999\\- enable the sandbox mode */ \n",
                "COMMENT -- MariaDB dump 10.19  Distrib 10.11.19-MariaDB\n",
                "SESSION /*!40101 SET NAMES utf8mb4 */;\n",
                "SESSION /*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;\n",
                "COMMENT \n", "COMMENT --\n", "COMMENT -- Table structure for table `t`\n", "COMMENT --\n", "COMMENT \n",
                "CONTROL DROP TABLE IF EXISTS `t`;\n",
                "SESSION /*!40101 SET character_set_client = utf8mb4 */;\n",
                "CONTROL CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  `v` text DEFAULT NULL COMMENT 'ends like a row),',\n"
                        + "  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n",
                "LOCK LOCK TABLES `t` WRITE;\n",
                "CONTROL /*!40000 ALTER TABLE `t` DISABLE KEYS */;\n",
                "DATA INSERT INTO `t` VALUES\n(1,'a;'),\n(2,'INSERT INTO `t` VALUES (3,\\'x\\');\\n'),\n(3,NULL);\n",
                "DATA INSERT INTO `t` VALUES (4,'-- not a comment');\n",
                "CONTROL /*!40000 ALTER TABLE `t` ENABLE KEYS */;\n",
                "LOCK UNLOCK TABLES;\n",
                "CONTROL DELIMITER ;;\n",
                "CONTROL /*!50003 CREATE*/ /*!50003 TRIGGER `t_ai` AFTER INSERT ON `t` FOR EACH ROW\n"
                        + "INSERT INTO `log` VALUES (NEW.id);\nSET @x = 1 */;;\n",
                "CONTROL DELIMITER ;\n",
                "SESSION SET TIME_ZONE=@OLD_TIME_ZONE;\n",
                "COMMENT -- Dump completed");
        assertEquals(expected, statements);
    }

    @Test
    void statements_doNotDependOnHowTheStreamIsCut() {
        List<String> whole = split(DUMP, DUMP.length());
        assertEquals(whole, split(DUMP, 1));
        Random random = new Random(7);
        for (int run = 0; run < 50; run++) {
            assertEquals(whole, split(DUMP, 1 + random.nextInt(64)));
        }
    }

    @Test
    void longLines_areStreamedWhole() {
        String rows = "INSERT INTO `big` VALUES (1,'" + "x".repeat(100_000) + "'),\n(2,'" + "y;".repeat(50_000) + "');\n";
        String dump = rows + "UNLOCK TABLES;\n";
        List<String> statements = split(dump, 4096);
        assertEquals(List.of("DATA " + rows, "LOCK UNLOCK TABLES;\n"), statements);
    }

    /** Feeds {@code dump} in pieces of {@code piece} bytes; returns "KIND text" per statement. */
    private static List<String> split(String dump, int piece) {
        List<String> statements = new ArrayList<>();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Kind[] kind = {null};
        DumpStatementSplitter splitter = new DumpStatementSplitter(new DumpStatementSplitter.Listener() {
            @Override
            public void statementStart(Kind next) {
                if (kind[0] != null) {
                    statements.add(kind[0] + " " + text.toString(StandardCharsets.UTF_8));
                }
                kind[0] = next;
                text.reset();
            }

            @Override
            public void bytes(byte[] buffer, int offset, int length) {
                text.write(buffer, offset, length);
            }
        });
        byte[] bytes = dump.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += piece) {
            splitter.feed(bytes, i, Math.min(piece, bytes.length - i));
        }
        splitter.finish();
        statements.add(kind[0] + " " + text.toString(StandardCharsets.UTF_8));
        return statements;
    }
}
