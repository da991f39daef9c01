package dev.agentteam.common.codehost;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.agentteam.common.task.ClaimedTask;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded forge's credential of the task this thread works on ({@link ClaimedTask}): fetched from the
 * orchestrator ({@code POST /api/tasks/{id}/forge-credential}) with the agent's own token
 * ({@code agentteam.embedded-forge.agent-token}), once per task attempt, and kept in memory only. It reaches the
 * task's repository only, pushes {@code feature/*} only, and the orchestrator revokes it when the task ends; the
 * agent holds no long-lived forge token (docs/adr/forge-trust.md).
 */
public class TaskForgeCredentials {

    /** The orchestrator's longest lifetime of a task credential; cached ones are forgotten after it. */
    static final Duration LIFETIME = Duration.ofHours(2);
    /**
     * A worker asks right after its claim, usually a few milliseconds before the orchestrator has applied the start
     * notice: the first waits are short and double up to {@link #MAX_POLL} (docs/benchmarks.md, "epic → pull request").
     */
    private static final Duration FIRST_POLL = Duration.ofMillis(10);
    private static final Duration MAX_POLL = Duration.ofMillis(200);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String agentToken;
    private final Duration timeout;
    private final HttpClient http;
    private final Map<ClaimedTask, Fetched> fetched = new ConcurrentHashMap<>();

    private record Fetched(String token, Instant at) {
    }

    /**
     * @param agentToken the agent's orchestrator token, or null (then the embedded forge is out of reach)
     * @param timeout    per request, and how long to wait for the orchestrator to see the task RUNNING
     */
    public TaskForgeCredentials(String agentToken, Duration timeout) {
        this.agentToken = agentToken == null || agentToken.isBlank() ? null : agentToken;
        this.timeout = timeout != null ? timeout : Duration.ofSeconds(30);
        this.http = HttpClient.newBuilder().connectTimeout(this.timeout).build();
    }

    /**
     * The forge token of the current thread's task, fetched from the orchestrator at {@code orchestrator} the first
     * time. Never log it.
     */
    public String token(URI orchestrator) {
        ClaimedTask task = ClaimedTask.current().orElseThrow(() -> new IllegalStateException(
                "the embedded forge is reached only with a task's credential, and this thread runs no claimed task"));
        if (agentToken == null) {
            throw new IllegalArgumentException("the embedded forge needs the agent's token (AGENTTEAM_AGENT_TOKEN) "
                    + "to fetch the task's forge credential");
        }
        Instant now = Instant.now();
        fetched.values().removeIf(old -> old.at().plus(LIFETIME).isBefore(now));
        return fetched.computeIfAbsent(task, claimed -> new Fetched(fetch(orchestrator, claimed), now)).token();
    }

    private String fetch(URI orchestrator, ClaimedTask task) {
        String target = "the forge credential of task " + task.taskId();
        HttpRequest request = HttpRequest.newBuilder(URI.create(orchestrator.toString().replaceAll("/+$", "")
                        + "/api/tasks/" + task.taskId() + "/forge-credential"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + agentToken)
                .header("X-Agent-Worker", task.workerId())
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        Instant deadline = Instant.now().plus(timeout);
        long waitMillis = FIRST_POLL.toMillis();
        try {
            while (true) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                JsonNode body = response.body() == null || response.body().isBlank() ? JSON.nullNode()
                        : JSON.readTree(response.body());
                if (response.statusCode() == 201 && body.path("token").isString()) {
                    return body.path("token").asString();
                }
                // Claimed, but the orchestrator has not applied this worker's start notice yet (the task still reads
                // QUEUED, or RUNNING under the worker whose claim this one took over): it soon will.
                String status = body.path("task_status").asString("");
                boolean notYetRunning = response.statusCode() == 409 && (status.equals("QUEUED") || status.equals("RUNNING"));
                if (!notYetRunning || Instant.now().isAfter(deadline)) {
                    String detail = body.path("detail").asString("");
                    throw new CodeHostException("the orchestrator refused " + target + " (" + response.statusCode()
                            + ")" + (detail.isBlank() ? "" : ": " + detail), response.statusCode());
                }
                Thread.sleep(waitMillis);
                waitMillis = Math.min(waitMillis * 2, MAX_POLL.toMillis());
            }
        } catch (IOException e) {
            throw new CodeHostException("orchestrator unreachable for " + target + ": " + e.getMessage(), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CodeHostException("interrupted while fetching " + target, 0, e);
        } catch (JacksonException e) {
            throw new CodeHostException("the orchestrator answered unreadable JSON for " + target, 0, e);
        }
    }

    @Override
    public String toString() {
        return "TaskForgeCredentials[agentToken=" + (agentToken == null ? "none" : "***") + "]";
    }
}
