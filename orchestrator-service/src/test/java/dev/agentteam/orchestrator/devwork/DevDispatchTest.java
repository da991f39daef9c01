package dev.agentteam.orchestrator.devwork;

import dev.agentteam.common.task.TaskState;
import dev.agentteam.orchestrator.task.TaskView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Which stories go to the Dev agent, when, with what payload — and never twice. No agent consumes the tasks here. */
class DevDispatchTest extends DevWorkTest {


    @Autowired
    DevDispatch dispatch;

    @AfterEach
    void noDefaultRepositoryLeftBehind() {
        removeRepositories();
    }

    @Test
    void aStoryGoesToTheDevAgentOnlyOnceEveryStoryItDependsOnIsDone() throws Exception {
        demoRepository();
        long epic = epic(null);
        long first = story(epic, "First", "READY");
        long second = story(epic, "Second", "READY");
        jdbc.update("insert into story_dependencies (story_id, depends_on_id) values (?, ?)", second, first);

        awaitDispatched(first);
        assertThat(dispatch.dispatch(second)).isEmpty();
        assertThat(tasks.forStory(second)).isEmpty();
        assertThat(status(first)).isEqualTo("IN_PROGRESS");
        assertThat(status(second)).isEqualTo("READY");

        jdbc.update("update stories set status = 'DONE' where id = ?", first);

        awaitDispatched(second);
        assertThat(status(second)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void thePayloadCarriesTheStoryAndTheEpicsOwnRepository() throws Exception {
        demoRepository();
        var shop = api.postJson("/api/repositories",
                "{\"name\": \"shop\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}");
        assertThat(shop.status()).as(shop.body()).isEqualTo(201);
        long epic = epic(shop.json().path("id").asLong());
        long story = story(epic, "Most common words", "READY");

        awaitDispatched(story);
        TaskView task = tasks.forStory(story).get(0);

        assertThat(task.type()).isEqualTo("dev.implement_story");
        assertThat(task.assignedTo()).isEqualTo("dev");
        assertThat(task.status()).isEqualTo(TaskState.QUEUED);
        assertThat(task.epicId()).isEqualTo(epic);
        assertThat(task.payload().get("story")).isEqualTo(Map.of("id", (int) story, "epic_id", (int) epic,
                "title", "Most common words", "statement", "As a writer I want the top words.",
                "acceptance_criteria", List.of(Map.of("given", "a text", "when", "counted", "then", "top words first"))));
        @SuppressWarnings("unchecked")
        Map<String, Object> repository = (Map<String, Object>) task.payload().get("repository");
        assertThat(repository).containsEntry("name", "shop").containsEntry("forge", "embedded")
                .containsEntry("full_name", "agentteam/shop").containsEntry("default_branch", "main")
                .containsEntry("test_command", "python3 -m unittest discover -s tests -v");
        assertThat((String) repository.get("clone_url")).endsWith("/git/shop.git");
    }

    @Test
    void withoutAnyRepositoryNothingIsDispatchedAndTheStoryStaysReady() {
        long story = story(epic(null), "Orphan", "READY");

        assertThat(dispatch.dispatch(story)).isEmpty();
        assertThat(tasks.forStory(story)).isEmpty();
        assertThat(status(story)).isEqualTo("READY");
        assertThat(dispatch.candidates()).contains(story);
    }

    @Test
    void concurrentDispatchesCreateOneTaskAndAStoryWithADevTaskGetsNoOther() throws Exception {
        long story = story(epic(null), "Raced", "READY");
        demoRepository();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Optional<TaskView>> attempt = () -> dispatch.dispatch(story);
            List<Future<Optional<TaskView>>> results = pool.invokeAll(List.of(attempt, attempt, attempt, attempt));
            long created = 0;
            for (Future<Optional<TaskView>> result : results) {
                created += result.get().isPresent() ? 1 : 0;
            }
            assertThat(created).isLessThanOrEqualTo(1);
        } finally {
            pool.shutdown();
        }
        awaitDispatched(story);
        assertThat(tasks.forStory(story)).hasSize(1);

        // even when that task is over and the story is READY again, only a person starts another one
        jdbc.update("update tasks set status = 'DEAD' where story_id = ?", story);
        jdbc.update("update stories set status = 'READY' where id = ?", story);
        assertThat(dispatch.dispatch(story)).isEmpty();
        assertThat(dispatch.candidates()).doesNotContain(story);
    }

    /**
     * Running a blocked story's Dev task again: a DEAD one is re-queued with one more attempt; a story blocked for
     * another reason (its change rounds were used up, its Dev task SUCCEEDED) is refused with the reason.
     */
    @Test
    void aBlockedStorysDeadDevTaskRunsAgainAndOtherBlockedStoriesAreRefused() throws Exception {
        demoRepository();
        long epic = epic(null);
        long story = story(epic, "Dead", "READY");
        awaitDispatched(story);
        TaskView dead = tasks.forStory(story).get(0);
        jdbc.update("update tasks set status = 'DEAD', attempt_count = max_attempts, last_error = 'HTTP 500' where id = ?",
                dead.id());
        jdbc.update("update stories set status = 'BLOCKED' where id = ?", story);

        var retried = api.postJson("/api/stories/" + story + "/retry", "");

        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        TaskView queued = tasks.find(dead.id()).orElseThrow();
        assertThat(queued.status()).isEqualTo(TaskState.QUEUED);
        assertThat(queued.maxAttempts()).as("one more attempt").isEqualTo(dead.maxAttempts() + 1);
        assertThat(status(story)).isEqualTo("IN_PROGRESS");

        long reviewed = story(epic, "Rounds used up", "READY");
        awaitDispatched(reviewed);
        jdbc.update("update tasks set status = 'SUCCEEDED' where story_id = ?", reviewed);
        jdbc.update("update stories set status = 'BLOCKED' where id = ?", reviewed);
        var refused = api.postJson("/api/stories/" + reviewed + "/retry", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.detail()).contains("is SUCCEEDED; only one that ended without a pull request");
        assertThat(api.postJson("/api/stories/987654/retry", "").status()).isEqualTo(404);
    }

    private long epic(Long repositoryId) {
        return jdbc.queryForObject("insert into epics (title, created_by, repository_id, status) values ('Epic', 1, ?, 'REFINED') returning id",
                Long.class, repositoryId);
    }

    private long story(long epicId, String title, String status) {
        return jdbc.queryForObject("""
                insert into stories (epic_id, title, statement, acceptance_criteria, estimate, priority, status)
                values (?, ?, 'As a writer I want the top words.', '[{"given": "a text", "when": "counted", "then": "top words first"}]'::jsonb,
                        2, 1, ?) returning id""", Long.class, epicId, title, status);
    }

    private String status(long story) {
        return jdbc.queryForObject("select status from stories where id = ?", String.class, story);
    }
}
