package dev.agentteam.orchestrator.devwork;

import dev.agentteam.orchestrator.backlog.StoryMoved;
import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.support.DomainEvents;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.task.TaskBlocked;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.task.Tasks;
import java.time.Duration;
import java.nio.file.Path;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery tests' shared configuration (one cached context): automatic dispatch on with a short sweep, an agent
 * token on the embedded forge, forge data in a scratch directory.
 */
@TestPropertySource(properties = {
        "agentteam.delivery.auto-dispatch=true",
        "agentteam.delivery.sweep-interval=500ms",
        "agentteam.forge.tokens=" + DevWorkTest.TOKEN,
        // one forge directory per test database: helpers running the suite side by side must not share it
        "agentteam.forge.data-dir=${java.io.tmpdir}/agentteam-delivery-test-forge-${AGENT_TEAM_TEST_DB:agentteam_test}"})
abstract class DevWorkTest extends IntegrationTest {

    static final String TOKEN = "delivery-test-forge-token";

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    Tasks tasks;

    /**
     * Task ids restart at 1 with every cleanup: envelopes an earlier test left on the dev queue (nothing consumes
     * them in DevDispatchTest) would otherwise be taken by a Dev worker and report for today's task of the same id.
     */
    @BeforeEach
    void emptyQueues() {
        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
    }

    /**
     * Waits until the story is handed to the Dev agent: its task is created and it moves to IN_PROGRESS in one
     * transaction, so the committed move says both.
     */
    protected void awaitDispatched(long story) {
        domainEvents.await(StoryMoved.class, moved -> moved.storyId() == story && moved.to() == StoryStatus.IN_PROGRESS,
                Duration.ofSeconds(20));
    }

    /**
     * Waits for the end of the story's first task of {@code type} — its success, its failure for good, or its
     * BLOCKED when that is awaited — and checks it ended as {@code status}.
     */
    protected TaskView awaitTask(long story, String type, String status, Duration ceiling) {
        return endedAs(domainEvents.awaitTaskEnd("a " + type + " task of story " + story,
                end -> end.is(type, story) && awaited(end, status), ceiling), status);
    }

    /** As {@link #awaitTask(long, String, String, Duration)}, for the task with this id. */
    protected TaskView awaitTask(long taskId, String status, Duration ceiling) {
        return endedAs(domainEvents.awaitTaskEnd("task " + taskId, end -> end.taskId() == taskId && awaited(end, status),
                ceiling), status);
    }

    /** A task that was BLOCKED ends again after its answer: past a BLOCKED only when that is not what is awaited. */
    private static boolean awaited(DomainEvents.TaskEnd end, String status) {
        return !(end.event() instanceof TaskBlocked) || status.equals("BLOCKED");
    }

    private TaskView endedAs(DomainEvents.TaskEnd end, String status) {
        TaskView task = tasks.find(end.taskId()).orElseThrow();
        assertThat(task.status().name()).as("task %d (%s): %s", task.id(), task.type(), task.lastError()).isEqualTo(status);
        return task;
    }

    /** The default repository {@code demo}, fresh from the demo-python template; returns its id. */
    protected long demoRepository() throws Exception {
        removeRepositories();
        var created = api.postJson("/api/repositories",
                "{\"name\": \"demo\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    /** The demo epic (owner 1) that the stories of the end-to-end tests belong to; returns its id. */
    protected long demoEpic() {
        var epic = api.postJson("/api/epics", "{\"title\": \"Word frequencies for textstats\", \"description\": \"Writers want to "
                + "see which words they repeat.\", \"owner_id\": 1}");
        assertThat(epic.status()).as(epic.body()).isEqualTo(201);
        return epic.json().path("id").asLong();
    }

    /**
     * Repositories outlive IntegrationTest's cleanup; other tests must not find a default repository. The code index
     * reads a new repository in the background: its run ends first, since JGit may create files in a repository it
     * opens while the directory is being deleted, which would leave half a repository for the next test.
     */
    protected void removeRepositories() {
        // clock waits: the index runs on its own executor and announces no event; a directory's removal is no event
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.queryForObject(
                "select count(*) from index_states where status in ('QUEUED', 'INDEXING')", Integer.class) == 0);
        jdbc.update("delete from pr_records");
        jdbc.update("update epics set repository_id = null");
        jdbc.update("delete from repositories");
        Path forge = Path.of(System.getProperty("java.io.tmpdir"), "agentteam-delivery-test-forge-"
                + java.util.Objects.requireNonNullElse(System.getenv("AGENT_TEAM_TEST_DB"), "agentteam_test"));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            FileUtils.delete(forge.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
            return !java.nio.file.Files.exists(forge);
        });
    }
}
