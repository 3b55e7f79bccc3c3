package io.edxstack.platform;

import static io.edxstack.platform.Rendered.CONFIG_MAP;
import static io.edxstack.platform.Rendered.STATEFUL_SET;
import static io.edxstack.platform.Rendered.at;
import static io.edxstack.platform.Rendered.container;
import static io.edxstack.platform.Rendered.env;
import static io.edxstack.platform.Rendered.map;
import static io.edxstack.platform.Rendered.podSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edxstack.render.DesiredState;
import io.edxstack.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis runs Tutor's redis.conf, mounted where Tutor's manifest mounts it, with edxstack's password and a maxmemory
 * that fits the container: the rendered start script is run by a real shell, with a stand-in redis-server that
 * prints the configuration it is given.
 */
class RedisConfigTest {

    @Test
    void redis_startsWithTutorsConfigPlusPasswordAndAMaxmemoryThatFits(@TempDir Path dir) throws Exception {
        DesiredState state = TestProject.REPOSITORY_RENDER.primary();
        var redis = state.get(STATEFUL_SET, "demo-redis");
        Map<String, Object> container = container(redis, "redis");
        String configMap = (String) at(podSpec(redis), "volumes[1].configMap.name");
        String conf = (String) map(state.get(CONFIG_MAP, "demo-" + configMap).state().inputs(), "data").get("redis.conf");
        assertTrue(conf.contains("maxmemory-policy allkeys-lru") && conf.contains("appendonly yes"), "Tutor's redis.conf");
        assertTrue(((List<?>) container.get("volumeMounts")).stream()
                .anyMatch(m -> "/openedx/redis/config/".equals(at(m, "mountPath"))));
        String maxmemory = (String) env(container, "REDIS_MAXMEMORY").get("value");
        assertEquals(Long.toString(512L * 1024 * 1024 * 3 / 4), maxmemory, "three quarters of the 512Mi limit");

        Path config = Files.createDirectories(dir.resolve("openedx/redis/config"));
        Files.writeString(config.resolve("redis.conf"), conf);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("redis-server"), "#!/bin/sh\ncat \"$1\"\necho \"args: $2 $3\"\n");
        bin.resolve("redis-server").toFile().setExecutable(true);
        String script = ((String) ((List<?>) container.get("command")).get(2))
                .replace("/openedx/redis/config/", config + "/").replace("/tmp/redis.conf", dir + "/redis.conf");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", script);
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().put("REDIS_PASSWORD", "redis-test-password");
        builder.environment().put("REDIS_MAXMEMORY", maxmemory);
        Process sh = builder.redirectErrorStream(true).start();
        String out = new String(sh.getInputStream().readAllBytes());
        assertTrue(sh.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, sh.exitValue(), out);
        List<String> lines = out.lines().toList();
        assertTrue(lines.contains("requirepass redis-test-password"), out);
        // The last maxmemory line wins in Redis's configuration: ours comes after Tutor's 4gb.
        assertEquals("maxmemory " + maxmemory, lines.stream().filter(l -> l.startsWith("maxmemory ")).reduce((a, b) -> b).orElseThrow());
        assertEquals("args: --dir /data", lines.get(lines.size() - 1));
        assertTrue(!script.contains("redis-test-password"), "the password is not on the command line");
    }
}
