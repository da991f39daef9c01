package dev.agentteam.orchestrator.task;

import dev.agentteam.common.queue.ClaimedTask;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.RefinedStories;
import dev.agentteam.common.task.ResultStatus;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TaskState;
import dev.agentteam.common.task.TokenUsage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskLifecycleTest extends TaskIntegrationTest {

    @Autowired
    ResultConsumer results;

    @Test
    void aFinishedTaskWhoseResultIsNotAppliedYetIsNotPushedAgain() {
        results.stop();   // the orchestrator is behind: results wait in tasks:done
        TaskView task;
        try {
            task = createTask(AgentRole.PO, "po.refine_epic");
            ClaimedTask claimed = claim(AgentRole.PO, "po-1");
            queue.complete(claimed, TaskResult.succeeded(claimed.task(), "po-1", new RefinedStories(List.of(), null), TokenUsage.NONE));
            // long past the reconcile grace, as a task is after a worker's long run
            jdbc.sql("update tasks set queued_at = now() - interval '10 minutes' where id = ?").param(task.id()).update();

            assertThat(reconciler.reconcile()).as("pushed again, another worker would run it twice").isZero();
            assertThat(queue.pendingCount(AgentRole.PO)).isZero();
        } finally {
            results.start();
        }
        assertThat(awaitStatus(task.id(), TaskState.SUCCEEDED).attemptCount()).isEqualTo(1);
        assertThat(queue.pendingCount(AgentRole.PO)).isZero();
    }

    @Test
    void createPersistsTheTaskQueuedWithItsTimelineAndPutsTheEnvelopeOnTheRolesQueue() {
        TaskView task = tasks.create(new NewTask("po.refine_epic", AgentRole.PO, null, null, Map.of("title", "Checkout")));

        assertThat(task.status()).isEqualTo(TaskState.QUEUED);
        assertThat(task.assignedTo()).isEqualTo("po");
        assertThat(task.queuedAt()).isNotNull();
        assertThat(task.traceId()).isNotBlank();
        assertThat(transitions(task.id())).containsExactly("->PENDING", "PENDING>QUEUED");
        ClaimedTask claimed = claim(AgentRole.PO, "po-1");
        assertThat(claimed.task().taskId()).isEqualTo(task.id());
        assertThat(claimed.task().attempt()).isEqualTo(1);
        assertThat(claimed.task().traceId()).isEqualTo(task.traceId());
        assertThat(claimed.task().payload()).containsEntry("title", "Checkout");
        assertThat(claimed.task().lease()).hasSeconds(2);
    }

    @Test
    void aResultThatDoesNotDecodeForItsTypeFailsTheTaskNamingTheFieldInsteadOfSucceeding() {
        TaskView task = createTask(AgentRole.DEV, "dev.implement_story");
        ClaimedTask claimed = claim(AgentRole.DEV, "dev-1");
        // an agent of another release that reports its PR under a name this orchestrator does not know
        TaskResult unreadable = new TaskResult(claimed.task().taskId(), claimed.task().attempt(), "dev-1",
                ResultStatus.SUCCEEDED, Map.of("pull_request_number", 3, "steps", "many"), null, false, null, List.of(),
                TokenUsage.NONE, Instant.now());
        queue.complete(claimed, unreadable);

        TaskView failed = awaitStatus(task.id(), TaskState.FAILED);
        assertThat(failed.lastError()).startsWith("invalid dev.implement_story result: field 'steps' has the wrong type");
        assertThat(failed.result()).isNullOrEmpty();
        assertThat(events.seen(TaskFailed.class)).hasSize(1);
        assertThat(events.seen(TaskSucceeded.class)).isEmpty();
        assertThat(transitionsWithoutRunning(task.id())).last().isEqualTo("QUEUED>FAILED");

        TaskView other = createTask(AgentRole.DEV, "dev.implement_story");
        ClaimedTask second = claim(AgentRole.DEV, "dev-1");
        queue.complete(second, new TaskResult(second.task().taskId(), second.task().attempt(), "dev-1", ResultStatus.SUCCEEDED,
                Map.of("branch", "feature/ISSUE-1"), null, false, null, List.of(), TokenUsage.NONE, Instant.now()));
        assertThat(awaitStatus(other.id(), TaskState.FAILED).lastError())
                .isEqualTo("invalid dev.implement_story result: required field 'pr_number' is missing");
    }

    @Test
    void anIllegalMoveThrowsAndWritesNothing() {
        TaskView task = createTask(AgentRole.PO, "po.refine_epic");
        List<String> before = transitions(task.id());

        assertThatThrownBy(() -> tasks.resume(task.id(), Map.of("answer", "yes")))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));

        assertThat(transitions(task.id())).isEqualTo(before);
        assertThat(tasks.find(task.id()).orElseThrow().status()).isEqualTo(TaskState.QUEUED);
    }

    @Test
    void aFinalTaskCannotBeReassigned() {
        TaskView task = createTask(AgentRole.PO, "po.refine_epic");
        ClaimedTask claimed = claim(AgentRole.PO, "po-1");
        queue.complete(claimed, TaskResult.succeeded(claimed.task(), "po-1", new RefinedStories(List.of(), null), TokenUsage.NONE));
        awaitStatus(task.id(), TaskState.SUCCEEDED);

        assertThatThrownBy(() -> tasks.assign(task.id(), Assignee.agent(AgentRole.DEV)))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
        assertThat(transitions(task.id())).hasSize(3);
        assertThat(tasks.find(task.id()).orElseThrow().assignedTo()).isEqualTo("po");
    }

    @Test
    void assigningToAHumanWithdrawsTheTaskFromRedisAndAssigningBackQueuesItAgain() {
        long userId = insertUser("Ana");
        TaskView task = createTask(AgentRole.DEV, "dev.implement_story");
        assertThat(queue.heldTaskIds(AgentRole.DEV)).contains(task.id());

        TaskView human = tasks.assign(task.id(), Assignee.human(userId));

        assertThat(human.assignedTo()).isEqualTo("human:" + userId);
        assertThat(human.status()).isEqualTo(TaskState.PENDING);
        assertThat(queue.heldTaskIds(AgentRole.DEV)).doesNotContain(task.id());
        assertThat(transitions(task.id())).endsWith("QUEUED>PENDING");
        // A human's task is not something the reconciler may push back to an agent.
        assertThat(reconciler.reconcile()).isZero();

        TaskView back = tasks.assign(task.id(), Assignee.agent(AgentRole.REVIEW));
        assertThat(back.status()).isEqualTo(TaskState.QUEUED);
        assertThat(back.assignedTo()).isEqualTo("review");
        assertThat(queue.heldTaskIds(AgentRole.REVIEW)).contains(task.id());
    }

    @Test
    void reassigningAQueuedTaskToAnotherRoleMovesItBetweenQueues() {
        TaskView task = createTask(AgentRole.DEV, "dev.implement_story");

        tasks.assign(task.id(), Assignee.agent(AgentRole.QA));

        assertThat(queue.heldTaskIds(AgentRole.DEV)).doesNotContain(task.id());
        assertThat(queue.heldTaskIds(AgentRole.QA)).contains(task.id());
        assertThat(tasks.find(task.id()).orElseThrow().status()).isEqualTo(TaskState.QUEUED);
    }

    @Test
    void assigningToAnUnknownUserIsNotFound() {
        TaskView task = createTask(AgentRole.DEV, "dev.implement_story");

        assertThatThrownBy(() -> tasks.assign(task.id(), Assignee.human(999_999)))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThat(queue.heldTaskIds(AgentRole.DEV)).contains(task.id());
    }

    @Test
    void aClarificationBlocksTheTaskAndResumeQueuesItWithTheAnswer() {
        TaskView task = tasks.create(new NewTask("po.refine_epic", AgentRole.PO, null, null, Map.of("title", "Checkout")));
        ClaimedTask claimed = claim(AgentRole.PO, "po-1");
        queue.complete(claimed, TaskResult.clarify(claimed.task(), "po-1", List.of("Which payment providers?"), TokenUsage.NONE));

        awaitStatus(task.id(), TaskState.BLOCKED);
        Map<String, Object> clarification = jdbc.sql("select questions::text as questions, status, context from clarifications where task_id = ?")
                .param(task.id()).query().singleRow();
        assertThat(clarification.get("questions")).isEqualTo("[\"Which payment providers?\"]");
        assertThat(clarification.get("status")).isEqualTo("OPEN");
        assertThat((String) clarification.get("context")).contains("po.refine_epic");
        assertThat(events.seen(TaskBlocked.class)).hasSize(1);

        TaskView resumed = tasks.resume(task.id(), Map.of("answers", List.of("Stripe only")));

        assertThat(resumed.status()).isEqualTo(TaskState.QUEUED);
        ClaimedTask again = claim(AgentRole.PO, "po-1");
        assertThat(again.task().attempt()).isEqualTo(2);
        assertThat(again.task().payload()).containsEntry("title", "Checkout").containsEntry("answers", List.of("Stripe only"));
        assertThat(transitions(task.id())).endsWith("QUEUED>BLOCKED", "BLOCKED>QUEUED");
        // The question round did not use up one of the task's retries.
        assertThat(resumed.maxAttempts() - resumed.attemptCount()).isEqualTo(3);
    }
}
