package dev.agentteam.orchestrator.devwork;

import dev.agentteam.common.sandbox.Sandbox;
import dev.agentteam.common.sandbox.SandboxProperties;
import dev.agentteam.common.sandbox.SandboxResult;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.orchestrator.support.FormClient;
import dev.agentteam.orchestrator.task.NewTask;
import dev.agentteam.orchestrator.task.TaskView;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Story to pull request with the real pieces: the orchestrator (dispatch, results, the embedded forge's git over
 * HTTP with the demo-python template), the real Dev agent application with the scripted model, JGit and the sandbox.
 */
class DevWorkEndToEndTest extends DevWorkerTest {

    private static final Duration DELIVERY = Duration.ofMinutes(2);

    @Test
    void aReadyStoryBecomesAGreenBranchAndAnOpenPullRequest() throws Exception {
        long story = story("Most common words");

        TaskView task = awaitDevTask(story, "SUCCEEDED");

        String branch = "feature/ISSUE-" + story;
        assertThat(task.result()).containsEntry("branch", branch).containsKeys("pr_number", "pr_url", "head_sha");
        assertThat(storyStatus(story)).isEqualTo("IN_REVIEW");
        JsonNode pr = pullRequest(branch);
        assertThat(pr.path("title").asString()).isEqualTo("[ISSUE-" + story + "] Most common words");
        assertThat(pr.path("base").asString()).isEqualTo("main");
        assertThat(pr.path("status").asString()).isEqualTo("OPEN");
        assertThat(pr.path("story_id").asLong()).isEqualTo(story);
        assertThat(pr.path("number").asInt()).isEqualTo(task.result().get("pr_number"));
        assertThat(pr.path("body").asString()).contains("# PR: [ISSUE-" + story + "] Most common words",
                "- [x] Tests unitarios pasan", "- [ ] Linter OK",
                "- [x] Given words with the same count, when they are returned, then they are ordered alphabetically",
                "`tests/test_most_common.py`", "Added most_common_words");
        var diff = api.getAnything("/api/pull-requests/" + pr.path("id").asLong() + "/diff");
        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.body()).contains("+++ b/textstats/core.py", "+def most_common_words(text, n):",
                "+++ b/tests/test_most_common.py", "+from textstats.core import average_word_length, most_common_words");
        assertThat(jdbc.queryForObject("select count(*) from pr_records where story_id = ? and branch = ? and head_sha = ?",
                Integer.class, story, branch, task.result().get("head_sha"))).isEqualTo(1);
        assertThat(jdbc.queryForList("select prompt_version from agent_logs where task_id = ? and model <> 'retrieval'",
                String.class, task.id())).hasSize(7).containsOnly("dev_agent_v3");
        assertFirstPromptCarriesTheRetrievedCodeOfTheFileToEdit(task.id());

        Path clone = cloneBranch(branch);
        try (Git git = Git.open(clone.toFile())) {
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertThat(head.getFullMessage()).isEqualTo("[ISSUE-" + story + "] Most common words");
            assertThat(head.getName()).isEqualTo(task.result().get("head_sha"));
        }
        assertThat(Files.readString(clone.resolve("textstats/core.py"))).contains("def most_common_words(text, n):");
        SandboxResult tests = new Sandbox(SandboxProperties.defaults()).runShell(clone, "python3 -m unittest discover -s tests -v");
        assertThat(tests.exitCode()).as(tests.output()).isZero();
        assertThat(tests.output()).contains("test_ties_are_alphabetical", "Ran 14 tests", "OK");

        // the same work again (a retry, a re-run): same branch, continued; the open pull request is reused
        TaskView again = tasks.create(new NewTask("dev.implement_story", AgentRole.DEV, epicId, story, task.payload()));
        TaskView rerun = awaitTask(again.id(), "SUCCEEDED");
        assertThat(rerun.result()).containsEntry("pr_number", task.result().get("pr_number")).containsEntry("branch", branch);
        assertThat(jdbc.queryForObject("select count(*) from pr_records where story_id = ?", Integer.class, story)).isEqualTo(1);
        assertThat(pullRequest(branch).path("head_sha").asString()).isEqualTo(rerun.result().get("head_sha"));
        try (Git git = Git.open(cloneBranch(branch).toFile())) {
            List<String> shas = java.util.stream.StreamSupport.stream(git.log().call().spliterator(), false).map(RevCommit::getName).toList();
            assertThat(shas.get(0)).isEqualTo(rerun.result().get("head_sha"));
            assertThat(shas).contains((String) task.result().get("head_sha"));
        }
    }

    /**
     * The acceptance test: the Dev agent's first model request holds the retrieved chunk of the file it must
     * edit (textstats/core.py), exactly as the repository has those lines; both retrievals are in the trajectory.
     */
    private void assertFirstPromptCarriesTheRetrievedCodeOfTheFileToEdit(long taskId) throws Exception {
        String firstPrompt = jdbc.queryForObject("select prompt from agent_logs where task_id = ? and model <> 'retrieval' "
                + "order by id limit 1", String.class, taskId);
        var header = java.util.regex.Pattern.compile("--- textstats/core\\.py:(\\d+)-(\\d+)[^\\n]* ---\\n").matcher(firstPrompt);
        assertThat(header.find()).as("a chunk of textstats/core.py in:\n" + firstPrompt).isTrue();
        List<String> core = new String(getClass().getResourceAsStream("/forge-templates/demo-python/textstats/core.py")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        String chunk = String.join("\n", core.subList(Integer.parseInt(header.group(1)) - 1, Integer.parseInt(header.group(2))));
        assertThat(firstPrompt.substring(header.end())).startsWith(chunk);
        assertThat(firstPrompt).contains("<retrieved_code>").doesNotContain("(no code retrieved)");
        assertThat(jdbc.queryForList("select metadata->>'purpose' from agent_logs where task_id = ? and model = 'retrieval' "
                + "order by id", String.class, taskId)).containsExactly("rag_context", "search_code");
        assertThat(jdbc.queryForObject("select response from agent_logs where task_id = ? and metadata->>'purpose' = "
                + "'search_code'", String.class, taskId)).contains("--- textstats/core.py:");
    }

    @Test
    void aFirstEditThatBreaksATestIsFixedBeforeThePush() {
        long story = story("Most common words (scripted: break-then-fix)");

        TaskView task = awaitDevTask(story, "SUCCEEDED");

        @SuppressWarnings("unchecked")
        List<String> trajectory = (List<String>) task.result().get("trajectory");
        assertThat(trajectory).containsSubsequence("run_tests → exit 1", "read_file textstats/core.py",
                "edit_file textstats/core.py", "run_tests → exit 0", "finish");
        assertThat(storyStatus(story)).isEqualTo("IN_REVIEW");
        assertThat(pullRequest("feature/ISSUE-" + story).path("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void testsThatNeverPassFailTheTaskWithTheirOutputAndPushNothing() throws Exception {
        long story = story("Most common words (scripted: never-green)");

        TaskView task = awaitDevTask(story, "FAILED");

        assertThat(task.attemptCount()).as("not retried").isEqualTo(1);
        assertThat(task.nextAttemptAt()).as("no retry scheduled").isNull();
        assertThat(task.lastError()).contains("tests still fail", "nothing was pushed", "test_ties_are_alphabetical",
                "FAILED (failures=2)");
        assertThat(api.get("/api/pull-requests").json().size()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from pr_records", Integer.class)).isZero();
        assertThat(storyStatus(story)).as("a person decides; the story holds no WIP slot").isEqualTo("BLOCKED");
        assertThat(jdbc.queryForObject("select reason from status_changes where subject = 'STORY' and subject_id = ? "
                + "and to_status = 'BLOCKED'", String.class, story))
                .startsWith("its Dev task ended without a pull request: ").contains("tests still fail");
        FormClient browser = users.signedIn("approver", URI.create(api.baseUrl()).getPort());
        assertThat(browser.get("/backlog").body()).contains("data-retry-story=\"" + story + "\"");

        // a person runs the task again: the story is IN_PROGRESS until the task ends again (here: red again)
        domainEvents.clear();
        var retried = api.postJson("/api/stories/" + story + "/retry", "");
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(retried.json().get("task_id").asLong()).isEqualTo(task.id());
        assertThat(storyStatus(story)).isEqualTo("IN_PROGRESS");
        var twice = api.postJson("/api/stories/" + story + "/retry", "");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.detail()).contains("is IN_PROGRESS; only a BLOCKED story's Dev task can be run again");
        TaskView again = awaitTask(task.id(), "FAILED");
        assertThat(again.attemptCount()).isEqualTo(2);
        assertThat(storyStatus(story)).isEqualTo("BLOCKED");
        try (Git git = Git.open(cloneBranch("main").toFile())) {
            assertThat(git.lsRemote().setCredentialsProvider(credentials()).call())
                    .noneMatch(ref -> ref.getName().endsWith("ISSUE-" + story));
        }
    }

    @Test
    void aQuestionBlocksTheTaskUntilAPersonAnswersThenThePullRequestFollows() {
        long story = story("Most common words (scripted: clarify-first)");

        TaskView blocked = awaitDevTask(story, "BLOCKED");

        List<String> questions = jdbc.queryForList("select jsonb_array_elements_text(questions) from clarifications where task_id = ?",
                String.class, blocked.id());
        assertThat(questions).containsExactly("Should words that differ only in case count as the same word?",
                "Should most_common_words also be exported from textstats/__init__.py?");
        assertThat(api.get("/api/pull-requests").json().size()).isZero();
        assertThat(storyStatus(story)).isEqualTo("IN_PROGRESS");

        tasks.resume(blocked.id(), Map.of("clarifications", List.of(
                Map.of("question", questions.get(0), "answer", "Yes: words() already lower-cases them."),
                Map.of("question", questions.get(1), "answer", "Yes, add it to __all__."))));

        TaskView done = awaitTask(blocked.id(), "SUCCEEDED");
        assertThat(done.result()).containsEntry("branch", "feature/ISSUE-" + story);
        assertThat(pullRequest("feature/ISSUE-" + story).path("status").asString()).isEqualTo("OPEN");
        assertThat(storyStatus(story)).isEqualTo("IN_REVIEW");
        assertThat(jdbc.queryForList("select prompt from agent_logs where task_id = ? order by id", String.class, blocked.id()))
                .last().asString().contains("<answers>", "A: Yes, add it to __all__.");
    }

    private JsonNode pullRequest(String head) {
        JsonNode all = api.get("/api/pull-requests").json();
        List<JsonNode> matching = new java.util.ArrayList<>();
        all.forEach(pr -> {
            if (pr.path("head").asString().equals(head)) {
                matching.add(pr);
            }
        });
        assertThat(matching).as("pull requests for " + head + " in " + all).hasSize(1);
        return matching.get(0);
    }

    private long story(String title) {
        return jdbc.queryForObject("""
                insert into stories (epic_id, title, statement, acceptance_criteria, estimate, priority, status)
                values (?, ?, 'As a writer, I want to see the most frequent words of a text, so that I can spot repetition.',
                  '[{"given": "a text and a number n", "when": "most_common_words(text, n) is called", "then": "it returns the n most frequent words as (word, count) pairs, most frequent first"},
                    {"given": "words with the same count", "when": "they are returned", "then": "they are ordered alphabetically"},
                    {"given": "n equal to 0 or a negative n", "when": "most_common_words is called", "then": "0 returns [] and a negative n raises ValueError"}]'::jsonb,
                  2, 1, 'READY') returning id""", Long.class, epicId, title);
    }

    private TaskView awaitDevTask(long story, String status) {
        return awaitTask(story, "dev.implement_story", status, DELIVERY);
    }

    private TaskView awaitTask(long taskId, String status) {
        return awaitTask(taskId, status, DELIVERY);
    }

    private String storyStatus(long story) {
        return jdbc.queryForObject("select status from stories where id = ?", String.class, story);
    }

    private Path cloneBranch(String branch) throws Exception {
        Path target = Files.createTempDirectory(temp, "clone");
        String url = jdbc.queryForObject("select name from repositories where name = 'demo'", String.class);
        try (Git ignored = Git.cloneRepository().setURI(api.baseUrl() + "/git/" + url + ".git").setBranch(branch)
                .setCredentialsProvider(credentials()).setDirectory(target.toFile()).call()) {
            return target;
        }
    }

    private static UsernamePasswordCredentialsProvider credentials() {
        return new UsernamePasswordCredentialsProvider("x-access-token", TOKEN);
    }
}
