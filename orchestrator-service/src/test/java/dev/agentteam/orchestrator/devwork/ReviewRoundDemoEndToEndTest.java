package dev.agentteam.orchestrator.devwork;

import dev.agentteam.cicd.CicdAgentApplication;
import dev.agentteam.common.task.TaskState;
import dev.agentteam.orchestrator.backlog.PoWorkerProcess;
import dev.agentteam.orchestrator.backlog.StoryMoved;
import dev.agentteam.orchestrator.backlog.StoryReady;
import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.sprint.SprintStarted;
import dev.agentteam.orchestrator.support.AgentApplications;
import dev.agentteam.orchestrator.task.TaskSucceeded;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.qa.QaAgentApplication;
import dev.agentteam.review.ReviewAgentApplication;
import dev.agentteam.scrum.ScrumAgentApplication;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's second demo epic, "review round", with every agent real (PO, Scrum, Dev, CI/CD, QA, Review; scripted
 * model, sandbox, embedded forge) and no other action than posting the epic, in the default SPRINT mode: the Scrum
 * autopilot plans a sprint with the story (the Scrum agent writes its plan) and starts it, and only then does the story
 * go to the Dev agent. The review asks for a configurable reading speed
 * ({@code dev.address_review}); that round's settings file is one .gitignore excludes, so CI's fresh checkout is red and
 * QA finds a regression ({@code dev.fix_regression}); the third head is green with every quality check and approved by
 * the review agent, and waits for a person. After the merge the story and the epic are DONE.
 */
@TestPropertySource(properties = {"agentteam.sprint.mode=SPRINT", "agentteam.sprint.autopilot=true",
        "agentteam.sprint.sweep-interval=1s"})
class ReviewRoundDemoEndToEndTest extends DevWorkTest {

    static final String EPIC = "{\"title\": \"Reading time for textstats\", \"description\": \"Readers want to know how "
            + "long a text takes to read: the reading time in whole minutes.\", \"owner_id\": 1}";
    private static final Duration STEP = Duration.ofMinutes(3);
    private static final List<String> CHECKS = List.of("agent-team/ci", "agent-team/lint", "agent-team/coverage",
            "agent-team/security");

    @Autowired
    Environment environment;


    @TempDir
    Path temp;

    private final List<AutoCloseable> workers = new ArrayList<>();

    @BeforeEach
    void demoRepositoryAndEveryAgent() throws Exception {
        long repository = demoRepository();
        // clock wait: the index runs on its own executor and announces no event
        await().atMost(Duration.ofSeconds(90)).until(() -> "IDLE".equals(
                api.get("/api/repositories/" + repository + "/index").json().path("status").asString()));
        workers.add(PoWorkerProcess.start(environment, "agentteam.llm.provider=scripted"));
        workers.add(AgentApplications.start(ScrumAgentApplication.class, "scrum", environment, temp.resolve("scrum")));
        workers.add(DevWorker.start(environment, temp.resolve("dev")));
        workers.add(AgentApplications.start(ReviewAgentApplication.class, "review", environment, temp.resolve("review")));
        workers.add(AgentApplications.start(CicdAgentApplication.class, "cicd", environment, temp.resolve("cicd"),
                "agentteam.artifacts.dir=" + temp.resolve("artifacts"), "agentteam.cicd.test-timeout=2m",
                "agentteam.sandbox.self-test=false"));
        workers.add(AgentApplications.start(QaAgentApplication.class, "qa", environment, temp.resolve("qa"),
                "agentteam.artifacts.dir=" + temp.resolve("artifacts"), "agentteam.qa.rerun-timeout=2m",
                "agentteam.sandbox.self-test=false"));
    }

    @AfterEach
    void stopWorkers() throws Exception {
        for (int i = workers.size() - 1; i >= 0; i--) {
            workers.get(i).close();
        }
        removeRepositories();
    }

    @Test
    void oneReviewRoundAndOneRedCiRoundOnTheSamePullRequestThenApprovedWaitingForAPersonThenDone() throws Exception {
        var posted = api.postJson("/api/epics", EPIC);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        long epic = posted.json().path("id").asLong();

        // the refinement stores the epic's stories in one transaction, each announced READY
        long story = domainEvents.await(StoryReady.class, ready -> ready.epicId() == epic, STEP).storyId();
        assertThat(jdbc.queryForList("select id from stories where epic_id = ?", Long.class, epic)).containsExactly(story);
        assertThat(jdbc.queryForObject("select title from stories where id = ?", String.class, story)).isEqualTo("Reading time");

        // SPRINT mode: the story reaches the Dev agent through a sprint the autopilot planned and started, with the
        // plan's narrative written by the Scrum agent (scrum.plan_sprint)
        long sprint = domainEvents.await(SprintStarted.class, started -> started.storyIds().contains(story), STEP).sprintId();
        assertThat(jdbc.queryForObject("""
                select count(*) from sprint_stories ss join sprints s on s.id = ss.sprint_id
                where ss.story_id = ? and s.status = 'ACTIVE'""", Integer.class, story)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select sprint_id from sprint_stories where story_id = ?", Long.class, story))
                .isEqualTo(sprint);
        // the narrative is stored by the reaction to the planning task's success, which has run once it is recorded
        domainEvents.await(TaskSucceeded.class, done -> done.type().equals("scrum.plan_sprint"), STEP);
        assertThat(jdbc.queryForObject("select plan_rationale is not null from sprints where id = ?", Boolean.class, sprint))
                .isTrue();
        assertThat(jdbc.queryForObject("select count(*) from tasks where type = 'scrum.plan_sprint' and status = 'SUCCEEDED'",
                Integer.class)).isEqualTo(1);

        TaskView implemented = awaitTask(story, "dev.implement_story");
        TaskView addressed = awaitTask(story, "dev.address_review");
        TaskView fixed = awaitTask(story, "dev.fix_regression");
        String head1 = (String) implemented.result().get("head_sha");
        String head2 = (String) addressed.result().get("head_sha");
        String head3 = (String) fixed.result().get("head_sha");
        assertThat(List.of(head1, head2, head3)).doesNotHaveDuplicates();
        assertThat(addressed.payload().get("review").toString()).contains("(scripted: reading-speed)");
        assertThat(fixed.payload().toString()).contains("reading.local.json");

        long prId = jdbc.queryForObject("select id from pr_records where story_id = ?", Long.class, story);
        // CI and review of the third head; each result is applied by the reaction to its task's success
        awaitCheckOf(head3, "cicd.run_ci");
        awaitCheckOf(head3, "review.review_pr");
        Map<String, Object> pr = jdbc.queryForMap("select head_sha, ci_status, review_status from pr_records where id = ?", prId);
        assertThat(pr).containsEntry("head_sha", head3).containsEntry("ci_status", "SUCCESS")
                .containsEntry("review_status", "APPROVED");
        assertThat(jdbc.queryForObject("select count(*) from pr_records where story_id = ?", Integer.class, story))
                .as("one pull request throughout").isEqualTo(1);
        int number = jdbc.queryForObject("select pr_number from pr_records where id = ?", Integer.class, prId);
        for (TaskView round : List.of(implemented, addressed, fixed)) {
            assertThat(round.result().get("pr_number")).as(round.type()).isEqualTo(number);
        }
        assertThat(countTasks(story, "dev.address_review")).isEqualTo(1);
        assertThat(countTasks(story, "dev.fix_regression")).isEqualTo(1);

        // the first head was green and sent back by the review; the second was red in CI (the ignored settings file)
        assertThat(latestStatus(head1, "agent-team/ci")).isEqualTo("SUCCESS");
        assertThat(latestStatus(head2, "agent-team/ci")).isEqualTo("FAILURE");
        assertThat(jdbc.queryForObject("select count(*) from tasks where story_id = ? and type = 'qa.triage' "
                + "and result->>'verdict' = 'regression'", Integer.class, story)).isEqualTo(1);

        // the third head: CI and every configured quality check green (the CI agent reported them before its result),
        // and the PR body's boxes say so (written by the reaction to the CI task's success, awaited above)
        assertThat(CHECKS).allSatisfy(check -> assertThat(latestStatus(head3, check)).as(check).isEqualTo("SUCCESS"));
        assertThat(body(prId)).contains("- [x] Security scan — OK");
        assertThat(body(prId)).contains("- [x] Tests unitarios pasan", "- [x] Linter OK — OK: `python3 tools/lint.py",
                "- [x] Coverage mínima (si aplica) — OK: ", "(mínimo 80%)", "- [x] Security scan — OK: `python3 tools/security_scan.py");
        assertThat(jdbc.queryForObject("select status from pr_records where id = ?", String.class, prId)).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("select status from stories where id = ?", String.class, story)).isEqualTo("IN_REVIEW");

        var page = users.signedIn("viewer", URI.create(api.baseUrl()).getPort()).get("/pull-requests/" + prId);
        assertThat(page.body()).contains("Round 1", "review comments", "Round 2", "CI regression", head2.substring(0, 12),
                head3.substring(0, 12));

        var approver = api.as(users.person("approver"));
        assertThat(approver.postJson("/api/pull-requests/" + prId + "/approve", "{}").status()).isEqualTo(200);
        var merged = approver.postJson("/api/pull-requests/" + prId + "/merge", "{}");
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        // the story's move to DONE rolls its epic up in the same transaction
        domainEvents.await(StoryMoved.class, moved -> moved.storyId() == story && moved.to() == StoryStatus.DONE,
                Duration.ofSeconds(30));
        assertThat(jdbc.queryForObject("select status from stories where id = ?", String.class, story)).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("select status from epics where id = ?", String.class, epic)).isEqualTo("DONE");
        assertThat(jdbc.queryForList("select type || ' ' || status from tasks where epic_id = ? or story_id = ?",
                String.class, epic, story)).isNotEmpty().noneMatch(task -> task.endsWith(" " + TaskState.DEAD.name()));
    }

    private TaskView awaitTask(long story, String type) {
        return awaitTask(story, type, "SUCCEEDED", STEP);
    }

    /** The success of a quality task of {@code type} on {@code sha}. */
    private void awaitCheckOf(String sha, String type) {
        domainEvents.await(TaskSucceeded.class, done -> done.type().equals(type) && sha.equals(done.output().get("head_sha")),
                STEP);
    }

    private long countTasks(long story, String type) {
        return tasks.forStory(story).stream().filter(task -> task.type().equals(type)).count();
    }

    private String latestStatus(String sha, String context) {
        return jdbc.query("select state from commit_statuses where sha = ? and context = ? order by id desc limit 1",
                rs -> rs.next() ? rs.getString(1) : null, sha, context);
    }

    private String body(long prId) {
        return jdbc.queryForObject("select body from pr_records where id = ?", String.class, prId);
    }
}
