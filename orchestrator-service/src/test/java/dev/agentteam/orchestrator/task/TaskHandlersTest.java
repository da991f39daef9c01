package dev.agentteam.orchestrator.task;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TaskState;
import dev.agentteam.common.task.TaskType;
import dev.agentteam.orchestrator.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "No task without a handler" and RUNNING: the orchestrator creates only catalogued types that a live agent declares
 * (or that wait for the role's first agent), refuses the rest as FAILED with the reason, and shows a claimed task
 * RUNNING with its worker. The agent side (every catalogue type of a role has a handler in that agent app) is proved
 * by each app's AgentApplicationTest.
 */
class TaskHandlersTest extends TaskIntegrationTest {

    @Autowired
    Environment environment;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    @Test
    void everyTypeOfTheCatalogueIsQueuedWhenTheAgentsOfItsRoleDeclareTheirCatalogueTypes() {
        for (AgentRole role : AgentRole.values()) {
            queue.heartbeat(role, role.key() + "-1", Duration.ofMinutes(1), Set.copyOf(TaskType.keysOf(role)));
        }
        for (TaskType type : TaskType.values()) {
            TaskView task = tasks.create(new NewTask(type.key(), type.role(), null, null, Map.of()));
            assertThat(task.status()).as(type.key()).isEqualTo(TaskState.QUEUED);
            assertThat(task.assignedTo()).isEqualTo(type.role().key());
        }
    }

    @Test
    void aTypeOutsideTheCatalogueIsFailedWithTheReasonVisibleInTheApiAndNeverQueued() throws Exception {
        TaskView task = createTask(AgentRole.DEV, "dev.paint_walls");

        assertThat(task.status()).isEqualTo(TaskState.FAILED);
        assertThat(task.lastError()).contains("no agent handles task type 'dev.paint_walls'");
        assertThat(transitions(task.id())).containsExactly("->PENDING", "PENDING>FAILED");
        assertThat(queue.heldTaskIds(AgentRole.DEV)).isEmpty();
        events.await(TaskFailed.class, failed -> failed.taskId() == task.id(), Duration.ofSeconds(10));
        // not retried later, and not brought back by the reconciler
        reconciler.reconcile();
        assertThat(queue.heldTaskIds(AgentRole.DEV)).isEmpty();
        mvc.perform(get("/api/tasks/{id}", task.id()).header("Authorization", new TestUsers(context).person("viewer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.last_error", containsString("dev.paint_walls")))
                .andExpect(jsonPath("$.transitions[1].reason", containsString("refused")));
    }

    @Test
    void aTypeOfAnotherRoleIsRefused() {
        TaskView task = createTask(AgentRole.QA, "dev.address_review");

        assertThat(task.status()).isEqualTo(TaskState.FAILED);
        assertThat(task.lastError()).contains("handled by the dev agent, not the qa agent");
    }

    @Test
    void aCatalogueTypeThatNoRunningAgentDeclaresIsRefusedNamingTheWorkers() {
        queue.heartbeat(AgentRole.DEV, "dev-old", Duration.ofMinutes(1), Set.of("dev.implement_story"));

        TaskView refused = createTask(AgentRole.DEV, "dev.address_review");
        TaskView accepted = createTask(AgentRole.DEV, "dev.implement_story");

        assertThat(refused.status()).isEqualTo(TaskState.FAILED);
        assertThat(refused.lastError()).contains("no running dev agent handles task type 'dev.address_review'", "dev-old",
                "dev.implement_story");
        assertThat(accepted.status()).isEqualTo(TaskState.QUEUED);
        assertThat(queue.heldTaskIds(AgentRole.DEV)).containsExactly(accepted.id());
    }

    @Test
    void withNoAgentOfTheRoleRunningACatalogueTypeWaitsInTheQueue() {
        TaskView task = createTask(AgentRole.REVIEW, "review.review_pr");

        assertThat(task.status()).isEqualTo(TaskState.QUEUED);
        assertThat(queue.heldTaskIds(AgentRole.REVIEW)).containsExactly(task.id());
    }

    @Test
    void aClaimedTaskIsRunningWithItsWorkerAndStartTimeUntilItsResult() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TestHandler agent = new TestHandler("qa.triage", (envelope, ctx) -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TaskResult.succeeded(envelope, ctx.workerId(), CLEAN, null);
        });
        try (AgentProcess worker = AgentProcess.start(environment, AgentRole.QA, "qa-runner", agent)) {
            TaskView task = createTask(AgentRole.QA, "qa.triage");

            TaskView running = awaitStatus(task.id(), TaskState.RUNNING);
            assertThat(running.workerId()).isEqualTo("qa-runner");
            assertThat(running.startedAt()).isAfterOrEqualTo(running.queuedAt());
            assertThat(running.attemptCount()).isZero();
            release.countDown();

            TaskView done = awaitStatus(task.id(), TaskState.SUCCEEDED);
            assertThat(done.attemptCount()).isEqualTo(1);
            assertThat(transitions(task.id())).containsExactly("->PENDING", "PENDING>QUEUED", "QUEUED>RUNNING", "RUNNING>SUCCEEDED");
        }
    }

    @Test
    void aRunningTaskWhoseClaimRedisLostIsQueuedAgain() {
        TaskView task = createTask(AgentRole.CICD, "cicd.run_ci");
        var claim = claim(AgentRole.CICD, "cicd-gone");
        queue.started(claim);
        awaitStatus(task.id(), TaskState.RUNNING);
        redis.delete(dev.agentteam.common.queue.QueueKeys.inProgress(AgentRole.CICD, "cicd-gone"));
        jdbc.sql("update tasks set queued_at = queued_at - interval '1 hour' where id = ?").param(task.id()).update();

        assertThat(reconciler.reconcile()).isEqualTo(1);

        assertThat(tasks.find(task.id()).orElseThrow().status()).isEqualTo(TaskState.QUEUED);
        assertThat(queue.heldTaskIds(AgentRole.CICD)).containsExactly(task.id());
    }
}
