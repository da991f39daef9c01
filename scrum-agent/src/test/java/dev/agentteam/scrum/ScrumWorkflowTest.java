package dev.agentteam.scrum;

import dev.agentteam.common.queue.ClaimedResult;
import dev.agentteam.common.queue.ResultInbox;
import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.ResultStatus;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.testing.ContainerServices;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Scrum agent app as it runs: a task envelope on its real Redis queue is claimed by its worker, answered by the
 * scripted model through the audited gateway, and reported on {@code tasks:done}; the model calls are in agent_logs.
 * Same context configuration as {@link ScrumAgentApplicationTest}, so both share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.import=classpath:test-services.properties")
@Import(ContainerServices.class)
class ScrumWorkflowTest {

    @Autowired
    TaskQueue queue;
    @Autowired
    ResultInbox results;
    @Autowired
    JdbcClient jdbc;

    private final List<Long> taskIds = new ArrayList<>();

    @BeforeEach
    void schema(@Autowired DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("filesystem:../migrations").load().migrate();
    }

    @AfterEach
    void removeRows() {
        taskIds.forEach(id -> jdbc.sql("delete from tasks where id = ?").param(id).update());
    }

    @Test
    void thePlanningNarrativeIsWrittenFromThePlanAndAudited() {
        TaskEnvelope task = enqueue("scrum.plan_sprint", Map.of("sprint_id", 41, "sprint_name", "Sprint 41",
                "start", "2026-12-01", "end", "2026-12-14", "capacity_points", 20, "selected_points", 19,
                "selected", List.of(Map.of("story_id", 5, "title", "Cart", "priority", 1, "estimate", 5,
                        "reason", "priority 1, 5 points; 15 of 20 points left after it")),
                "skipped", List.of()));

        TaskResult result = awaitResult(task);

        assertThat(result.status()).isEqualTo(ResultStatus.SUCCEEDED);
        assertThat(result.output()).containsEntry("kind", "planning");
        assertThat((String) result.output().get("narrative")).startsWith("This sprint's goal is a first usable sign-in flow.");
        assertThat((List<?>) result.output().get("risks")).hasSize(2);
        assertThat(result.usage().inputTokens()).isEqualTo(820);
        assertThat(result.usage().outputTokens()).isEqualTo(210);
        Map<String, Object> log = auditRow(task);
        assertThat(log).containsEntry("agent", "scrum").containsEntry("prompt_version", "scrum_agent_v1")
                .containsEntry("model", "scripted-demo").containsEntry("input_tokens", 820L);
        assertThat((String) log.get("prompt")).contains("Capacity: 20 points. Selected: 19 points in 1 stories.",
                "- #5 \"Cart\" — priority 1, 5 points", "sprint \"Sprint 41\"");
    }

    @Test
    void theRetrospectiveIsWrittenFromTheSprintsMetricsAndAudited() {
        TaskEnvelope task = enqueue("scrum.write_retro", Map.of("sprint_id", 42, "sprint_name", "Sprint 42",
                "start", "2026-12-15", "end", "2026-12-28", "committed", Map.of("stories", 2, "points", 8),
                "completed", Map.of("stories", 1, "points", 5),
                "stories", List.of(Map.of("story_id", 6, "title", "Checkout", "status", "IN_REVIEW", "estimate", 3)),
                "metrics", Map.of("clarifications", Map.of("count", 2, "questions", 3, "open", 0))));

        TaskResult result = awaitResult(task);

        assertThat(result.status()).as(result.error()).isEqualTo(ResultStatus.SUCCEEDED);
        assertThat(result.output()).containsEntry("kind", "retro").containsKeys("summary", "went_well", "to_improve");
        assertThat((List<?>) result.output().get("went_well")).hasSize(2);
        assertThat((List<?>) result.output().get("actions")).hasSize(2);
        assertThat(result.usage().outputTokens()).isEqualTo(260);
        assertThat((String) auditRow(task).get("prompt")).contains("Write the sprint retrospective.",
                "Committed: 2 stories, 8 points. Completed: 1 stories, 5 points.", "- #6 \"Checkout\" — IN_REVIEW, 3 points",
                "\"clarifications\":{", "\"count\":2", "\"questions\":3");
    }

    @Test
    void aPlanningPayloadWithoutItsCapacityFailsForGoodNamingTheField() {
        TaskEnvelope task = enqueue("scrum.plan_sprint", Map.of("sprint_id", 43, "selected_points", 3));

        TaskResult result = awaitResult(task);

        assertThat(result.status()).isEqualTo(ResultStatus.FAILED);
        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).isEqualTo("invalid payload: required field 'capacity_points' is missing");
        assertThat(jdbc.sql("select count(*) from agent_logs where trace_id = ?").param(task.traceId()).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aRetroPayloadWithAFieldOfTheWrongTypeFailsForGoodNamingTheField() {
        TaskEnvelope task = enqueue("scrum.write_retro", Map.of("sprint_id", 44, "committed", "eight points"));

        TaskResult result = awaitResult(task);

        assertThat(result.status()).isEqualTo(ResultStatus.FAILED);
        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).startsWith("invalid WriteRetro payload: field 'committed' has the wrong type")
                .doesNotContain("\tat ", "Exception:");
    }

    private TaskEnvelope enqueue(String type, Map<String, Object> payload) {
        String trace = "scrum-" + UUID.randomUUID();
        long id = jdbc.sql("insert into tasks (type, assigned_to, status, trace_id, payload) values (?, 'scrum', 'QUEUED', ?, '{}'::jsonb) returning id")
                .params(type, trace).query(Long.class).single();
        taskIds.add(id);
        TaskEnvelope task = new TaskEnvelope(id, type, AgentRole.SCRUM, 1, Duration.ofMinutes(1), trace, Instant.now(), payload);
        queue.enqueue(task);
        return task;
    }

    /** Takes results until this task's arrives; others (left by other tests on this Redis index) are acknowledged. */
    private TaskResult awaitResult(TaskEnvelope task) {
        List<TaskResult> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var taken = results.take("scrum-workflow-test", Duration.ofMillis(200));
            taken.ifPresent(claimed -> {
                results.acknowledge(claimed);
                if (claimed.result().taskId() == task.taskId() && claimed.result().status() != ResultStatus.STARTED) {
                    mine.add(claimed.result());
                }
            });
            return !mine.isEmpty();
        });
        return mine.get(0);
    }

    private Map<String, Object> auditRow(TaskEnvelope task) {
        return jdbc.sql("select * from agent_logs where trace_id = ? order by id").param(task.traceId()).query()
                .listOfRows().get(0);
    }
}
