package dev.agentteam.orchestrator.devwork;

import dev.agentteam.common.queue.ClaimedTask;
import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskOutput;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TaskResults;
import dev.agentteam.common.task.TaskType;
import dev.agentteam.common.task.TaskState;
import dev.agentteam.dev.DevAgentApplication;
import dev.agentteam.orchestrator.backlog.StoryMoved;
import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.forge.BranchPushed;
import dev.agentteam.orchestrator.pullrequest.ForgeEvent;
import dev.agentteam.orchestrator.support.QueueClaims;
import dev.agentteam.orchestrator.support.AgentApplications;
import dev.agentteam.orchestrator.task.TaskView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both change rounds on one pull request with the real orchestrator, embedded forge and Dev agent (scripted model,
 * sandbox): review requests changes → {@code dev.address_review} → a new commit on the same PR; CI on it is red and QA
 * finds a regression → {@code dev.fix_regression} → green; an approval of an earlier head does not count, the
 * approval of the new head does; a person merges and the story is DONE. The test plays the CI, QA and Review agents
 * through the queue, so their verdicts are fixed.
 */
class ChangeRoundEndToEndTest extends DevWorkerTest {

    private static final Duration ROUND = Duration.ofMinutes(2);
    private static final Duration STEP = Duration.ofSeconds(20);

    @Autowired
    TaskQueue queue;

    @Autowired
    ApplicationEventMulticaster multicaster;

    @Test
    void aReviewRoundAndARedCiRoundChangeTheSamePullRequestUntilItIsApprovedAndMerged() throws Exception {
        long story = story();
        TaskView implemented = awaitTask(story, "dev.implement_story", "SUCCEEDED");
        long prId = pullRequestId(story);
        String head1 = (String) implemented.result().get("head_sha");

        ci(head1, "success");
        agent(AgentRole.QA, "qa.triage", task -> Map.of("verdict", "clean", "pr_id", prId, "head_sha", head1));
        agent(AgentRole.REVIEW, "review.review_pr", task -> review(prId, head1, 1, "changes_requested", List.of(Map.of(
                "path", "textstats/core.py", "line", 42, "severity", "minor",
                "comment", "The ValueError should say which n was wrong (scripted: name-the-error)",
                "suggested_change", "        raise ValueError(f\"n must not be negative, was {n}\")"))));
        assertReviewStatus(prId, "CHANGES_REQUESTED");

        // round 1: the review's comments
        TaskView addressed = awaitTask(story, "dev.address_review", "SUCCEEDED");
        String head2 = (String) addressed.result().get("head_sha");
        assertThat(addressed.result()).containsEntry("committed", true).containsEntry("branch", "feature/ISSUE-" + story)
                .containsEntry("pr_id", (int) prId);
        assertThat(head2).isNotEqualTo(head1);
        awaitHead(prId, head2);
        assertThat(prColumn(prId, "review_status")).as("a new head waits for a new review").isEqualTo("PENDING");
        assertThat(comments(prId)).anySatisfy(body -> assertThat(body).contains("Dev agent — address review comments",
                "`textstats/core.py:42`", "changed `textstats/core.py` in this commit"));

        // round 2: CI on the new head is red, QA calls it a regression
        ci(head2, "failure");
        agent(AgentRole.QA, "qa.triage", task -> Map.of("verdict", "regression", "pr_id", prId, "head_sha", head2,
                "regressions", List.of(Map.of("name", "test_ties_are_alphabetical (tests.test_most_common.MostCommonWordsTest)",
                        "message", "AssertionError: Lists differ", "classification", "regression",
                        "reason", "failed again on the rerun (scripted: fix-regression)")),
                "rerun", Map.of("report", Map.of("tests", 14, "passed", 13, "failures", 1, "errors", 0, "skipped", 0))));
        TaskView fixed = awaitTask(story, "dev.fix_regression", "SUCCEEDED");
        String head3 = (String) fixed.result().get("head_sha");
        assertThat(fixed.payload().get("failures").toString()).contains("test_ties_are_alphabetical");
        awaitHead(prId, head3);
        ci(head3, "success");

        // the review of head 2 arrives late and approves: it does not count for head 3 (agent() returns once the
        // review task's success is recorded, which is after the quality reaction to it applied or ignored the verdict)
        agent(AgentRole.REVIEW, "review.review_pr", task -> review(prId, head2, 2, "approve", List.of()));
        assertReviewStatus(prId, "PENDING");
        agent(AgentRole.REVIEW, "review.review_pr", task -> review(prId, head3, 3, "approve", List.of()));
        assertReviewStatus(prId, "APPROVED");
        assertThat(prColumn(prId, "ci_status")).isEqualTo("SUCCESS");

        // one pull request, three commits of the agent on its branch, each round's commit carrying its task
        assertThat(jdbc.queryForObject("select count(*) from pr_records where story_id = ?", Integer.class, story)).isEqualTo(1);
        List<RevCommit> log = branchLog("feature/ISSUE-" + story);
        assertThat(log.get(0).getName()).isEqualTo(head3);
        assertThat(log.get(0).getFullMessage()).contains("Agent-Task: " + fixed.id());
        assertThat(log.get(1).getName()).isEqualTo(head2);
        assertThat(log.get(1).getFullMessage()).contains("Agent-Task: " + addressed.id());
        assertThat(log.get(2).getName()).isEqualTo(head1);

        var approver = api.as(users.person("approver"));
        assertThat(approver.postJson("/api/pull-requests/" + prId + "/approve", "{}").status()).isEqualTo(200);
        var merged = approver.postJson("/api/pull-requests/" + prId + "/merge", "{}");
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        domainEvents.await(StoryMoved.class, moved -> moved.storyId() == story && moved.to() == StoryStatus.DONE, STEP);
        assertThat(jdbc.queryForObject("select status from stories where id = ?", String.class, story)).isEqualTo("DONE");
        assertThat(tasks.forStory(story)).noneMatch(task -> task.status() == TaskState.DEAD);
    }

    /**
     * Issue 11: the Dev agent dies during a change round, right after its push reached the forge and before it could
     * answer (a separate JVM, killed from inside the forge's push handling: no shutdown hook, no release of its claim).
     * Once its lease has expired another Dev agent's reaper returns the claim to the queue, the new agent finds the
     * pushed commit by its {@code Agent-Task} trailer, and the round completes once: one pull request, one commit of
     * the round, no DEAD task.
     */
    @Test
    void aDevAgentKilledRightAfterPushingARoundIsReplacedAndTheRoundCompletesOnceWithoutASecondCommit() throws Exception {
        long story = story();
        TaskView implemented = awaitTask(story, "dev.implement_story", "SUCCEEDED");
        long prId = pullRequestId(story);
        String head1 = (String) implemented.result().get("head_sha");
        String branch = "feature/ISSUE-" + story;
        worker.close();
        worker = null;

        Path log = temp.resolve("doomed-dev-agent.log");
        Process doomed = AgentApplications.startProcess(DevAgentApplication.class, "dev", environment, temp.resolve("doomed"), log, "agentteam.worker.id=dev-doomed", "agentteam.worker.lease=4s",
                "agentteam.dev.test-timeout=2m");
        AtomicReference<String> killedAfter = new AtomicReference<>();
        ApplicationListener<ApplicationEvent> killOnPush = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof BranchPushed pushed
                    && pushed.branch().equals(branch) && !pushed.newSha().equals(head1) && killedAfter.get() == null) {
                doomed.destroyForcibly();
                killedAfter.set(pushed.newSha());
            }
        };
        multicaster.addApplicationListener(killOnPush);
        try {
            ci(head1, "success");
            agent(AgentRole.QA, "qa.triage", task -> Map.of("verdict", "clean", "pr_id", prId, "head_sha", head1));
            agent(AgentRole.REVIEW, "review.review_pr", task -> review(prId, head1, 1, "changes_requested", List.of(Map.of(
                    "path", "textstats/core.py", "line", 42, "severity", "minor",
                    "comment", "The ValueError should say which n was wrong (scripted: name-the-error)",
                    "suggested_change", "        raise ValueError(f\"n must not be negative, was {n}\")"))));
            // clock wait: the awaited outcome includes the death of an external process, which no event reports
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> killedAfter.get() != null || !doomed.isAlive());
        } finally {
            multicaster.removeApplicationListener(killOnPush);
            doomed.destroyForcibly();
        }
        assertThat(killedAfter.get()).as("the doomed agent pushed the round; its log:\n%s", tail(log)).isNotNull();
        assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        TaskView orphaned = devTask(story, "dev.address_review").orElseThrow();
        assertThat(orphaned.status()).as("claimed by the dead agent, never answered").isEqualTo(TaskState.RUNNING);

        worker = DevWorker.start(environment, temp.resolve("replacement"));
        TaskView done = awaitTask(story, "dev.address_review", "SUCCEEDED");

        assertThat(done.id()).isEqualTo(orphaned.id());
        assertThat(done.result()).containsEntry("committed", false).containsEntry("head_sha", killedAfter.get());
        assertThat(tasks.forStory(story).stream().filter(task -> task.type().equals("dev.address_review"))).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from pr_records where story_id = ?", Integer.class, story)).isEqualTo(1);
        awaitHead(prId, killedAfter.get());
        List<RevCommit> commits = branchLog(branch);
        assertThat(commits.get(0).getName()).isEqualTo(killedAfter.get());
        assertThat(commits.get(1).getName()).isEqualTo(head1);
        assertThat(commits).filteredOn(commit -> commit.getFullMessage().contains("Agent-Task: " + done.id())).hasSize(1);
        assertThat(tasks.forStory(story)).noneMatch(task -> task.status() == TaskState.DEAD);
    }

    private static String tail(Path log) throws java.io.IOException {
        String text = java.nio.file.Files.exists(log) ? java.nio.file.Files.readString(log) : "(no log)";
        return text.substring(Math.max(0, text.length() - 4000));
    }

    private static Map<String, Object> review(long prId, String sha, int round, String verdict, List<Map<String, Object>> comments) {
        return Map.of("verdict", verdict, "pr_id", prId, "head_sha", sha, "round", round, "needs_human", false,
                "summary", verdict.equals("approve") ? "Looks good." : "One thing to change.", "comments", comments);
    }

    private void ci(String sha, String conclusion) {
        agent(AgentRole.CICD, "cicd.run_ci", task -> {
            assertThat(task.payload().get("pull_request").toString()).contains("head_sha=" + sha);
            boolean green = conclusion.equals("success");
            return Map.of("pr_id", ((Map<?, ?>) task.payload().get("pull_request")).get("id"), "head_sha", sha,
                    "conclusion", conclusion, "exit_code", green ? 0 : 1, "timed_out", false, "log_tail", green ? "OK" : "FAILED (failures=1)",
                    "report", Map.of("tests", 14, "passed", green ? 14 : 13, "failures", green ? 0 : 1, "errors", 0, "skipped", 0),
                    "artifacts", List.of());
        });
    }

    /** Plays the agent of {@code role}: takes its next task, which must be of {@code type}, and answers it. */
    private void agent(AgentRole role, String type, Function<dev.agentteam.common.task.TaskEnvelope, Map<String, Object>> answer) {
        String worker = "fake-" + role.key();
        queue.heartbeat(role, worker, Duration.ofMinutes(1), Set.of(type));
        ClaimedTask claim = QueueClaims.next(queue, role, worker, Duration.ofSeconds(30));
        assertThat(claim.task().type()).isEqualTo(type);
        // the answer is written as the wire's JSON object; the agent side sends it as its type's result record
        TaskOutput output = TaskResults.read(TaskType.fromKey(type).orElseThrow(), answer.apply(claim.task()));
        queue.complete(claim, TaskResult.succeeded(claim.task(), worker, output, null));
        awaitTask(claim.task().taskId(), "SUCCEEDED", ROUND);
    }

    private Optional<TaskView> devTask(long story, String type) {
        return tasks.forStory(story).stream().filter(task -> task.type().equals(type)).reduce((first, second) -> second);
    }

    private TaskView awaitTask(long story, String type, String status) {
        return awaitTask(story, type, status, ROUND);
    }

    private long pullRequestId(long story) {
        long opened = domainEvents.await(ForgeEvent.PullRequestOpened.class,
                pr -> pr.storyId() != null && pr.storyId() == story, STEP).prId();
        assertThat(jdbc.queryForList("select id from pr_records where story_id = ?", Long.class, story)).containsExactly(opened);
        return opened;
    }

    /** The push of {@code sha} to the pull request's head branch moved its head (committed with the push's event). */
    private void awaitHead(long prId, String sha) {
        domainEvents.await(ForgeEvent.PullRequestSynchronized.class, pr -> pr.prId() == prId && pr.sha().equals(sha), STEP);
        assertThat(prColumn(prId, "head_sha")).isEqualTo(sha);
    }

    private void assertReviewStatus(long prId, String status) {
        assertThat(prColumn(prId, "review_status")).isEqualTo(status);
    }

    private String prColumn(long prId, String column) {
        return jdbc.queryForObject("select " + column + " from pr_records where id = ?", String.class, prId);
    }

    private List<String> comments(long prId) {
        return jdbc.queryForList("select body from pr_comments where pr_id = ? order by id", String.class, prId);
    }

    private long story() {
        return jdbc.queryForObject("""
                insert into stories (epic_id, title, statement, acceptance_criteria, estimate, priority, status)
                values (?, 'Most common words', 'As a writer, I want to see the most frequent words of a text, so that I can spot repetition.',
                  '[{"given": "words with the same count", "when": "they are returned", "then": "they are ordered alphabetically"}]'::jsonb,
                  2, 1, 'READY') returning id""", Long.class, epicId);
    }

    private List<RevCommit> branchLog(String branch) throws Exception {
        Path clone = temp.resolve("clone-" + System.nanoTime());
        try (Git git = Git.cloneRepository().setURI(api.baseUrl() + "/git/demo.git").setBranch(branch)
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", TOKEN))
                .setDirectory(clone.toFile()).call()) {
            return java.util.stream.StreamSupport.stream(git.log().call().spliterator(), false).toList();
        }
    }
}
