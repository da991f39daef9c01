package dev.agentteam.orchestrator.clarification;

import dev.agentteam.orchestrator.task.TaskBlocked;
import dev.agentteam.orchestrator.support.QueueClaims;
import dev.agentteam.common.queue.ClaimedTask;
import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The clarification inbox over HTTP; the PO's CLARIFY results are reported through the real queue. */
class ClarificationApiTest extends IntegrationTest {

    @Autowired
    TaskQueue queue;
    @Autowired
    StringRedisTemplate redis;

    long epic;
    long task;

    @BeforeEach
    void anEpicWhosePoAskedTwoQuestions() {
        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
        epic = api.postJson("/api/epics", "{\"title\": \"Reports\", \"owner_id\": 1}").json().get("id").asLong();
        task = jdbc.queryForObject("select id from tasks where epic_id = ?", Long.class, epic);
        askFromQueue(List.of("Who reads the reports?", "Which format?"));
    }

    @Test
    void theInboxListsOpenQuestionsWithTheirTask() {
        JsonNode open = api.get("/api/clarifications?status=OPEN").json();
        assertThat(open.get("total_elements").asLong()).isEqualTo(1);
        JsonNode item = open.get("items").get(0);
        assertThat(item.get("task_id").asLong()).isEqualTo(task);
        assertThat(item.get("task_type").asString()).isEqualTo("po.refine_epic");
        assertThat(item.get("epic_id").asLong()).isEqualTo(epic);
        assertThat(item.get("story_id").isNull()).isTrue();
        assertThat(item.get("questions")).extracting(JsonNode::asString).containsExactly("Who reads the reports?", "Which format?");
        assertThat(item.get("answers")).isEmpty();
        assertThat(api.get("/api/clarifications?status=ANSWERED").json().get("items")).isEmpty();
        assertThat(api.get("/api/clarifications").json().get("total_elements").asLong()).isEqualTo(1);
        assertThat(api.get("/api/clarifications/" + item.get("id").asLong()).json().get("context").asString())
                .isEqualTo("po.refine_epic epic " + epic);
        assertThat(api.get("/api/epics/" + epic).json().get("status").asString()).isEqualTo("CLARIFYING");
    }

    @Test
    void badAnswersAreRefusedWithTheReason() {
        long id = openId();
        String path = "/api/clarifications/" + id + "/answer";
        assertProblem(api.postJson(path, "{\"answers\": [\"Team leads\"]}"), 400,
                "'answers' must have one answer per question: 2 question(s), got 1 answer(s).");
        assertProblem(api.postJson(path, "{\"answers\": [\"Team leads\", \"  \"]}"), 400, "'answers[1]' must not be blank.");
        assertProblem(api.postJson(path, "{\"answers\": [\"Team leads\", null]}"), 400, "'answers[1]' must not be blank.");
        assertProblem(api.postJson(path, "{}"), 400, "answers: must not be null");
        assertProblem(api.postJson(path, "{\"answers\": \"CSV\"}"), 400, "'answers' must be an array.");
        assertProblem(api.postJson(path, "{\"answers\": [\"a\", \"b\"], \"answered_by\": 999}"), 422,
                "answered_by 999 is not a known user.");
        assertProblem(api.postJson("/api/clarifications/4242/answer", "{\"answers\": [\"a\", \"b\"]}"), 404,
                "No clarification with id 4242.");
        assertProblem(api.get("/api/clarifications/4242"), 404, "No clarification with id 4242.");
        assertThat(api.get("/api/clarifications?status=LATER").status()).isEqualTo(400);
        // nothing changed
        assertThat(api.get("/api/clarifications/" + id).json().get("status").asString()).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("select status from tasks where id = ?", String.class, task)).isEqualTo("BLOCKED");
    }

    @Test
    void answeringResumesTheTaskWithEveryAnswerSoFarAndCannotBeRepeated() {
        long first = openId();
        Reply answered = api.postJson("/api/clarifications/" + first + "/answer",
                "{\"answers\": [\" Team leads \", \"CSV\"], \"answered_by\": 1}");

        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        JsonNode body = answered.json();
        assertThat(body.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(body.get("answered_by").asLong()).isEqualTo(1);
        assertThat(body.get("answered_at").isNull()).isFalse();
        assertThat(body.get("answers").get(0).get("question").asString()).isEqualTo("Who reads the reports?");
        assertThat(body.get("answers").get(0).get("answer").asString()).isEqualTo("Team leads");
        assertThat(jdbc.queryForObject("select status from tasks where id = ?", String.class, task)).isEqualTo("QUEUED");
        assertThat(api.get("/api/epics/" + epic).json().get("status").asString()).isEqualTo("REFINING");
        assertProblem(api.postJson("/api/clarifications/" + first + "/answer", "{\"answers\": [\"a\", \"b\"]}"), 409,
                "Clarification " + first + " is ANSWERED; only OPEN ones take answers.");

        askFromQueue(List.of("Monthly or weekly?"));
        long second = openId();
        assertThat(api.postJson("/api/clarifications/" + second + "/answer", "{\"answers\": [\"Monthly\"]}").status())
                .isEqualTo(200);

        ClaimedTask resumed = claim();
        assertThat(resumed.task().payload().get("clarifications")).isEqualTo(List.of(
                java.util.Map.of("question", "Who reads the reports?", "answer", "Team leads"),
                java.util.Map.of("question", "Which format?", "answer", "CSV"),
                java.util.Map.of("question", "Monthly or weekly?", "answer", "Monthly")));
    }

    private long openId() {
        return api.get("/api/clarifications?status=OPEN").json().get("items").get(0).get("id").asLong();
    }

    /** The PO worker's part: take the task from the queue and answer CLARIFY. */
    private void askFromQueue(List<String> questions) {
        ClaimedTask claimed = claim();
        int asked = (int) domainEvents.seen(TaskBlocked.class).stream().filter(blocked -> blocked.taskId() == task).count();
        queue.complete(claimed, TaskResult.clarify(claimed.task(), "po-test", questions, null));
        // this question's TaskBlocked is recorded after the reactions to it: the epic is CLARIFYING by then
        domainEvents.awaitCount(TaskBlocked.class, blocked -> blocked.taskId() == task, asked + 1, Duration.ofSeconds(20));
        assertThat(jdbc.queryForObject("select status from tasks where id = ?", String.class, task)).isEqualTo("BLOCKED");
        assertThat(jdbc.queryForObject("select status from epics where id = ?", String.class, epic)).isEqualTo("CLARIFYING");
    }

    private ClaimedTask claim() {
        return QueueClaims.next(queue, AgentRole.PO, "po-test", Duration.ofSeconds(20));
    }

    private static void assertProblem(Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.isProblem()).as(reply.contentType()).isTrue();
        assertThat(reply.detail()).isEqualTo(detail);
    }
}
