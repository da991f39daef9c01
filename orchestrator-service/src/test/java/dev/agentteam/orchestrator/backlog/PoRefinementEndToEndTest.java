package dev.agentteam.orchestrator.backlog;

import dev.agentteam.orchestrator.support.TestApi;
import dev.agentteam.orchestrator.task.TaskSucceeded;
import dev.agentteam.orchestrator.task.TaskFailed;
import dev.agentteam.orchestrator.task.TaskBlocked;
import dev.agentteam.orchestrator.support.DomainEvents;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3 end to end: the real orchestrator (this context) and the real PO worker ({@link PoWorkerProcess}, the
 * scripted model) on real Postgres and Redis. Posting an epic ends in stories; a vague one in questions, answered
 * through the API, then stories.
 */
class PoRefinementEndToEndTest extends IntegrationTest {

    static final String TOKEN = "ghp_" + "k3Jd9QmZ2xLp7VbN4cRt8YwE1sHa6FgU0oIe";
    static final String CLEAR = "Visitors register with e-mail and password, log in and out, reset a forgotten password by "
            + "e-mail and edit their profile. The deploy key is " + TOKEN + ".";

    @Autowired
    Environment environment;
    @Autowired
    StringRedisTemplate redis;

    @BeforeEach
    void emptyQueues() {
        // Task ids restart with the tables: envelopes of earlier tests must not reach this test's worker.
        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
    }

    @Test
    void aPostedEpicBecomesStoriesWithCriteriaAndEstimatesAndOneAuditRowPerModelCall() {
        try (PoWorkerProcess po = PoWorkerProcess.start(environment)) {
            long epic = post("User accounts", CLEAR);

            JsonNode body = awaitEpic(epic, "REFINED");
            JsonNode stories = body.get("stories");
            assertThat(stories).hasSize(4);
            for (JsonNode story : stories) {
                assertThat(story.get("status").asString()).isEqualTo("READY");
                assertThat(Set.of(1, 2, 3, 5, 8, 13)).contains(story.get("estimate").asInt());
                assertThat(story.get("needs_split").asBoolean()).isFalse();
                assertThat(story.get("acceptance_criteria")).isNotEmpty().allSatisfy(c -> assertThat(c.get("given").asString()
                        + c.get("when").asString() + c.get("then").asString()).isNotBlank());
            }
            JsonNode register = stories.get(0);
            assertThat(register.get("title").asString()).isEqualTo("Register with email and password");
            assertThat(register.get("acceptance_criteria").get(0).get("when").asString())
                    .isEqualTo("they submit a valid email and a password of at least 12 characters");
            assertThat(stories.get(1).get("depends_on")).singleElement()
                    .satisfies(id -> assertThat(id.asLong()).isEqualTo(register.get("id").asLong()));
            assertThat(body.get("refined_at").isNull()).isFalse();

            long task = body.get("tasks").get(0).get("id").asLong();
            List<Map<String, Object>> audit = jdbc.queryForList("select * from agent_logs where task_id = ?", task);
            assertThat(audit).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("agent", "po").containsEntry("prompt_version", "po_agent_v1")
                    .containsEntry("input_tokens", 1180L).containsEntry("output_tokens", 742L)
                    .containsEntry("model", "scripted-demo").containsKey("latency_ms"));
            assertThat((Long) audit.get(0).get("latency_ms")).isNotNegative();
            assertThat(jdbc.queryForObject("select input_tokens from tasks where id = ?", Long.class, task)).isEqualTo(1180L);
        }
    }

    @Test
    void aTokenInTheEpicIsStoredRedactedEverywhere() {
        try (PoWorkerProcess po = PoWorkerProcess.start(environment)) {
            long epic = post("User accounts " + TOKEN, CLEAR);
            awaitEpic(epic, "REFINED");
        }
        assertThat(jdbc.queryForObject("select title || description from epics", String.class))
                .contains("[REDACTED:github-token]").doesNotContain(TOKEN);
        assertThat(jdbc.queryForObject("select payload::text from tasks", String.class))
                .contains("[REDACTED:github-token]").doesNotContain(TOKEN);
        assertThat(jdbc.queryForObject("select string_agg(prompt || coalesce(response, '') || metadata::text, '') from agent_logs",
                String.class)).contains("[REDACTED:github-token]").doesNotContain(TOKEN);
        assertThat(jdbc.queryForObject("select coalesce(result::text, '') from tasks", String.class)).doesNotContain(TOKEN);
        assertThat(jdbc.queryForObject("select string_agg(title || statement || acceptance_criteria::text, '') from stories",
                String.class)).doesNotContain(TOKEN);
    }

    @Test
    void aVagueEpicAsksQuestionsAndTheAnswersThroughTheApiLeadToStories() {
        try (PoWorkerProcess po = PoWorkerProcess.start(environment)) {
            long epic = post("Reports", "We need something for reports.");
            awaitEpic(epic, "CLARIFYING");

            JsonNode inbox = api.get("/api/clarifications?status=OPEN").json();
            assertThat(inbox.get("total_elements").asLong()).isEqualTo(1);
            JsonNode question = inbox.get("items").get(0);
            long task = jdbc.queryForObject("select id from tasks where epic_id = ?", Long.class, epic);
            assertThat(question.get("task_id").asLong()).isEqualTo(task);
            assertThat(question.get("task_type").asString()).isEqualTo("po.refine_epic");
            assertThat(question.get("epic_id").asLong()).isEqualTo(epic);
            assertThat(question.get("status").asString()).isEqualTo("OPEN");
            assertThat(question.get("questions")).hasSize(5);
            assertThat(question.get("context").asString()).contains("po.refine_epic");
            assertThat(question.get("asked_at").isNull()).isFalse();
            long id = question.get("id").asLong();

            Reply answered = api.postJson("/api/clarifications/" + id + "/answer", """
                    {"answers": ["Team leads of up to 20 people", "A monthly CSV export", "Activities: date, person, hours",
                                 "The CSV opens in a spreadsheet", "No deadline"], "answered_by": 1}""");
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
            assertThat(answered.json().get("status").asString()).isEqualTo("ANSWERED");
            assertThat(answered.json().get("answers").get(1).get("answer").asString()).isEqualTo("A monthly CSV export");

            JsonNode refined = awaitEpic(epic, "REFINED");
            assertThat(refined.get("stories")).extracting(s -> s.get("title").asString()).containsExactly(
                    "Export the monthly report as CSV", "Email the report on the first day of the month",
                    "Choose the report columns");
            assertThat(api.get("/api/clarifications?status=OPEN").json().get("items")).isEmpty();
            assertThat(jdbc.queryForObject("select jsonb_array_length(payload->'clarifications') from tasks where id = ?",
                    Integer.class, task)).isEqualTo(5);
            List<String> prompts = jdbc.queryForList("select prompt from agent_logs where task_id = ? order by id", String.class, task);
            assertThat(prompts).hasSize(2);
            assertThat(prompts.get(1)).contains("Answers to your questions", "A: A monthly CSV export");
            assertThat(api.postJson("/api/clarifications/" + id + "/answer", "{\"answers\": [\"a\",\"b\",\"c\",\"d\",\"e\"]}")
                    .status()).isEqualTo(409);
        }
    }

    long post(String title, String description) {
        Reply reply = api.postJson("/api/epics", "{\"title\": " + quote(title) + ", \"description\": " + quote(description)
                + ", \"owner_id\": 1}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asLong();
    }

    JsonNode awaitEpic(long epic, String status) {
        return awaitEpic(domainEvents, api, epic, status, Duration.ofSeconds(20));
    }

    /**
     * Waits for the outcome of the epic's refinement task that leads to {@code status} — its success (REFINED), its
     * question (CLARIFYING) or its failure (REFINEMENT_FAILED); the epic moves in the reaction to that outcome, which
     * has run once the outcome is recorded. Returns the epic as the API shows it, in {@code status}.
     */
    static JsonNode awaitEpic(DomainEvents events, TestApi api, long epic, String status, Duration ceiling) {
        Class<?> outcome = switch (status) {
            case "REFINED" -> TaskSucceeded.class;
            case "CLARIFYING" -> TaskBlocked.class;
            case "REFINEMENT_FAILED" -> TaskFailed.class;
            default -> throw new IllegalArgumentException("no refinement outcome leads to " + status);
        };
        events.awaitTaskEnd("the refinement of epic " + epic + " as " + outcome.getSimpleName(),
                end -> end.epicId() != null && end.epicId() == epic && outcome.isInstance(end.event()), ceiling);
        JsonNode body = api.get("/api/epics/" + epic).json();
        assertThat(body.get("status").asString()).as(body.toString()).isEqualTo(status);
        return body;
    }

    static String quote(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
    }
}
