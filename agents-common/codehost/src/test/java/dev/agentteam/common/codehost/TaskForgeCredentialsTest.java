package dev.agentteam.common.codehost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.agentteam.common.task.ClaimedTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The credential fetch against a stand-in for the orchestrator's {@code POST /api/tasks/{id}/forge-credential}
 * (the real endpoint: the orchestrator's TaskCredentialsTest and AgentTaskCredentialsTest).
 */
class TaskForgeCredentialsTest {

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger notYetRunning = new AtomicInteger();
    private volatile int finalStatus = 201;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/tasks/", this::answer);
        server.start();
        new ClaimedTask(42, 1, "dev-worker-1").bind();
    }

    @AfterEach
    void stop() {
        ClaimedTask.release();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                + exchange.getRequestHeaders().getFirst("Authorization") + " "
                + exchange.getRequestHeaders().getFirst("X-Agent-Worker"));
        boolean early = notYetRunning.getAndDecrement() > 0;
        int status = early ? 409 : finalStatus;
        String body = early ? "{\"task_status\":\"QUEUED\",\"detail\":\"not running yet\"}"
                : status == 201 ? "{\"token\":\"task-token-42\"}" : "{\"detail\":\"task 42 has ended\",\"task_status\":\"SUCCEEDED\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private URI orchestrator() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Test
    void waitsWhileTheOrchestratorHasNotSeenTheClaimYetThenKeepsTheToken() {
        notYetRunning.set(3);
        TaskForgeCredentials credentials = new TaskForgeCredentials("agent-token", Duration.ofSeconds(10));

        assertThat(credentials.token(orchestrator())).isEqualTo("task-token-42");
        assertThat(credentials.token(orchestrator())).as("fetched once per attempt").isEqualTo("task-token-42");

        assertThat(requests).hasSize(4).allSatisfy(request ->
                assertThat(request).isEqualTo("POST /api/tasks/42/forge-credential Bearer agent-token dev-worker-1"));
    }

    @Test
    void aRefusalOtherThanNotYetRunningFailsAtOnce() {
        finalStatus = 409;
        TaskForgeCredentials credentials = new TaskForgeCredentials("agent-token", Duration.ofSeconds(10));

        assertThatThrownBy(() -> credentials.token(orchestrator())).isInstanceOf(CodeHostException.class)
                .hasMessageContaining("refused the forge credential of task 42 (409)").hasMessageContaining("has ended");
        assertThat(requests).hasSize(1);
    }

    @Test
    void givesUpWhenTheTaskNeverRunsWithinTheTimeout() {
        notYetRunning.set(Integer.MAX_VALUE);
        TaskForgeCredentials credentials = new TaskForgeCredentials("agent-token", Duration.ofMillis(600));

        assertThatThrownBy(() -> credentials.token(orchestrator())).isInstanceOf(CodeHostException.class)
                .hasMessageContaining("(409)").hasMessageContaining("not running yet");
        assertThat(requests.size()).as("retried until the deadline").isGreaterThan(1);
    }
}
