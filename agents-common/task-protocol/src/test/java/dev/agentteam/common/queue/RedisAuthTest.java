package dev.agentteam.common.queue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13, attack 7: Redis was unauthenticated. The apps connect with the settings the stack and the local scripts
 * set ({@code SPRING_DATA_REDIS_USERNAME} / {@code _PASSWORD}: an ACL user per service, or {@code requirepass}), to
 * a private redis-server started here with its default user switched off — never the shared one.
 */
class RedisAuthTest {

    private static Process redis;
    private static int port;

    @BeforeAll
    static void startProtectedRedis() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path dir = Files.createTempDirectory("redis-auth-test");
        redis = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                "--user", "default", "off",
                "--user", "orchestrator", "on", ">orchestrator-secret-1", "~*", "&*", "+@all",
                "--user", "agent", "on", ">agent-secret-2", "~tasks:*", "~workers:*", "+@all", "-@dangerous")
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline) || !redis.isAlive()) {
                    throw new IllegalStateException("redis-server did not start: " + Files.readString(dir.resolve("redis.log")));
                }
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            redis.destroy();
        }
    }

    private ApplicationContextRunner app(String... properties) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
                .withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + port)
                .withPropertyValues(properties);
    }

    @Test
    void withoutCredentialsRedisRefusesEveryCommand() {
        app().run(context -> assertThatThrownBy(() -> context.getBean(StringRedisTemplate.class)
                .opsForValue().set("tasks:probe", "x")).hasStackTraceContaining("NOAUTH"));
        app("spring.data.redis.username=orchestrator", "spring.data.redis.password=wrong")
                .run(context -> assertThatThrownBy(() -> context.getBean(StringRedisTemplate.class)
                        .opsForValue().get("tasks:probe")).hasStackTraceContaining("WRONGPASS"));
    }

    @Test
    void eachServiceSignsInAsItsOwnAclUser() {
        app("spring.data.redis.username=orchestrator", "spring.data.redis.password=orchestrator-secret-1").run(context -> {
            StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
            redis.opsForValue().set("tasks:probe", "queued");
            assertThat(redis.opsForValue().get("tasks:probe")).isEqualTo("queued");
        });
        app("spring.data.redis.username=agent", "spring.data.redis.password=agent-secret-2").run(context -> {
            StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
            assertThat(redis.opsForValue().get("tasks:probe")).isEqualTo("queued");
            // An agent's user reaches only the queue keys, and no dangerous commands.
            assertThatThrownBy(() -> redis.opsForValue().get("other:key")).hasStackTraceContaining("NOPERM");
            assertThatThrownBy(() -> redis.execute((org.springframework.data.redis.core.RedisCallback<Object>)
                    connection -> {
                        connection.serverCommands().flushAll();
                        return null;
                    })).hasStackTraceContaining("NOPERM");
        });
    }
}
