package dev.agentteam.orchestrator.pullrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;

import dev.agentteam.orchestrator.support.ForgeClient;
import dev.agentteam.common.codehost.MergeMethod;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The embedded forge end to end: template → clone over HTTP → push → pull request → diff, and its refusals. */
class ForgeFlowTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    PullRequests pullRequests;

    @org.springframework.beans.factory.annotation.Autowired
    Repositories repositories;

    @TempDir
    Path work;

    private String cloneUrl;
    private String name;

    @BeforeEach
    void createRepository() {
        jdbc.execute("truncate repositories restart identity cascade");
        jdbc.update("delete from webhook_deliveries where source = 'embedded'");
        name = "demo-" + System.nanoTime();
        Reply created = api.postJson("/api/repositories",
                "{\"name\": \"" + name + "\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        cloneUrl = created.json().path("clone_url").asString();
    }

    @Test
    void aDevPushesAFeatureBranchAndOpensAPullRequestWhoseDiffShowsTheChange() throws Exception {
        long storyId = seedStory();
        String branch = "feature/ISSUE-" + storyId;
        try (Git git = ForgeClient.cloneRepository(cloneUrl, ForgeClient.AGENT_TOKEN, work.resolve("clone"))) {
            assertThat(work.resolve("clone/textstats/core.py")).exists();
            String sha = ForgeClient.commitFile(git, "textstats/extra.py", "def shout(text):\n    return text.upper()\n",
                    "Add shout");
            assertThat(ForgeClient.push(git, ForgeClient.AGENT_TOKEN, "HEAD:refs/heads/" + branch))
                    .isEqualTo(RemoteRefUpdate.Status.OK);

            Reply opened = forge("POST", "/pulls", "{\"head\": \"" + branch + "\", \"base\": \"main\", "
                    + "\"title\": \"[ISSUE-" + storyId + "] Shout\", \"body\": \"Adds shout\"}", ForgeClient.AGENT_TOKEN);
            Reply again = forge("POST", "/pulls", "{\"head\": \"" + branch + "\", \"base\": \"main\", "
                    + "\"title\": \"[ISSUE-" + storyId + "] Shout\", \"body\": \"Adds shout\"}", ForgeClient.AGENT_TOKEN);

            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().path("number").asInt()).isEqualTo(opened.json().path("number").asInt());
            assertThat(opened.json().path("head_sha").asString()).isEqualTo(sha);
            long id = opened.json().path("id").asLong();

            Reply diff = api.getAnything("/api/pull-requests/" + id + "/diff");
            assertThat(diff.status()).isEqualTo(200);
            assertThat(diff.contentType()).startsWith("text/plain");
            assertThat(diff.body()).contains("+++ b/textstats/extra.py", "+def shout(text):")
                    .doesNotContain("core.py");

            JsonNode details = api.get("/api/pull-requests/" + id).json();
            assertThat(details.path("pull_request").path("story_id").asLong()).isEqualTo(storyId);
            assertThat(details.path("pull_request").path("status").asString()).isEqualTo("OPEN");
            assertThat(api.get("/api/pull-requests?status=open").json()).hasSize(1);
            assertThat(api.get("/api/pull-requests?status=merged").json()).isEmpty();
            assertThat(jdbc.queryForObject("select status from stories where id = ?", String.class, storyId))
                    .isEqualTo("IN_REVIEW");
            assertThat(jdbc.queryForObject("select count(*) from webhook_deliveries where source = 'embedded' "
                    + "and event = 'pull_request' and action = 'opened' and (payload -> 'event' ->> 'story_id')::bigint = ?",
                    Long.class, storyId)).isEqualTo(1);

            String next = ForgeClient.commitFile(git, "textstats/extra.py", "def shout(text):\n    return text.upper() + '!'\n",
                    "Louder");
            assertThat(ForgeClient.push(git, ForgeClient.AGENT_TOKEN, "HEAD:refs/heads/" + branch))
                    .isEqualTo(RemoteRefUpdate.Status.OK);
            assertThat(api.get("/api/pull-requests/" + id).json().path("pull_request").path("head_sha").asString())
                    .isEqualTo(next);
            assertThat(jdbc.queryForObject("select count(*) from webhook_deliveries where source = 'embedded' "
                    + "and action = 'synchronize'", Long.class)).isEqualTo(1);
        }
    }

    @Test
    void agentsCannotPushTheDefaultBranchNorMerge() throws Exception {
        try (Git git = ForgeClient.cloneRepository(cloneUrl, ForgeClient.AGENT_TOKEN, work.resolve("clone"))) {
            String mainBefore = git.getRepository().resolve("origin/main").name();
            ForgeClient.commitFile(git, "README.md", "rewritten\n", "Straight to main");

            assertThat(ForgeClient.push(git, ForgeClient.AGENT_TOKEN, "HEAD:refs/heads/main"))
                    .isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
            assertThat(ForgeClient.push(git, ForgeClient.AGENT_TOKEN, "HEAD:refs/heads/release"))
                    .isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
            git.fetch().setCredentialsProvider(new org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider(
                    "x", ForgeClient.AGENT_TOKEN)).call();
            assertThat(git.getRepository().resolve("origin/main").name()).isEqualTo(mainBefore);

            String sha = ForgeClient.commitFile(git, "NOTES.md", "notes\n", "Notes");
            ForgeClient.push(git, ForgeClient.AGENT_TOKEN, "HEAD:refs/heads/feature/ISSUE-77");
            Reply opened = forge("POST", "/pulls", "{\"head\": \"feature/ISSUE-77\", \"base\": \"main\", \"title\": \"Notes\"}",
                    ForgeClient.AGENT_TOKEN);
            int number = opened.json().path("number").asInt();

            Reply merge = forge("PUT", "/pulls/" + number + "/merge", "{\"sha\": \"" + sha + "\"}", ForgeClient.AGENT_TOKEN);

            assertThat(merge.status()).isEqualTo(403);
            assertThat(merge.isProblem()).isTrue();
            assertThat(api.get("/api/pull-requests/" + opened.json().path("id").asLong()).json()
                    .path("pull_request").path("status").asString()).isEqualTo("OPEN");
        }
    }

    @Test
    void onlyTheMergeGateMergesAndTheMergedPullRequestKeepsItsDiffAndConversation() throws Exception {
        try (Git git = ForgeClient.cloneRepository(cloneUrl, ForgeClient.AGENT_TOKEN, work.resolve("clone"))) {
            String sha = ForgeClient.commitFile(git, "textstats/extra.py", "X = 1\n", "Extra");
            ForgeClient.push(git, ForgeClient.AGENT_TOKEN, "HEAD:refs/heads/feature/ISSUE-5");
            Reply opened = forge("POST", "/pulls", "{\"head\": \"feature/ISSUE-5\", \"base\": \"main\", \"title\": \"Extra\"}",
                    ForgeClient.AGENT_TOKEN);
            int number = opened.json().path("number").asInt();
            long id = opened.json().path("id").asLong();
            assertThat(forge("POST", "/pulls/" + number + "/comments", "{\"body\": \"Looks fine\"}", ForgeClient.AGENT_TOKEN)
                    .status()).isEqualTo(201);
            assertThat(forge("POST", "/commits/" + sha + "/statuses", "{\"context\": \"ci/tests\", \"state\": \"pending\"}",
                    ForgeClient.AGENT_TOKEN).status()).isEqualTo(201);
            assertThat(forge("POST", "/commits/" + sha + "/statuses", "{\"context\": \"ci/tests\", \"state\": \"success\", "
                    + "\"target_url\": \"http://ci/1\"}", ForgeClient.AGENT_TOKEN).status()).isEqualTo(201);
            Reply badLine = forge("POST", "/pulls/" + number + "/reviews", "{\"summary\": \"s\", \"comments\": "
                    + "[{\"path\": \"textstats/extra.py\", \"line\": 5, \"body\": \"no such line\"}]}", ForgeClient.AGENT_TOKEN);
            assertThat(badLine.status()).isEqualTo(422);

            // Issue 13, attack 5: the admin token merged with no person's approval, and pushed the default branch.
            Reply byAdminToken = forge("PUT", "/pulls/" + number + "/merge", "{\"sha\": \"" + sha + "\", \"method\": "
                    + "\"squash\"}", ForgeClient.ADMIN_TOKEN);
            assertThat(byAdminToken.status()).isEqualTo(403);
            assertThat(ForgeClient.push(git, ForgeClient.ADMIN_TOKEN, "HEAD:refs/heads/main"))
                    .isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
            assertThat(api.get("/api/pull-requests/" + id).json().path("pull_request").path("status").asString())
                    .isEqualTo("OPEN");

            // What the merge gate calls after a person's approval (MergeGateTest covers the gate itself).
            RepositoryView repository = repositories.findByName(name).orElseThrow();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> pullRequests.merge(repository, number,
                    "b".repeat(40), MergeMethod.SQUASH)).isInstanceOfSatisfying(org.springframework.web.ErrorResponseException.class,
                    stale -> assertThat(stale.getBody().getDetail()).contains("review the new commits first"));
            pullRequests.merge(repository, number, sha, MergeMethod.SQUASH);
            JsonNode details = api.get("/api/pull-requests/" + id).json();
            assertThat(details.path("pull_request").path("status").asString()).isEqualTo("MERGED");
            assertThat(details.path("comments").get(0).path("body").asString()).isEqualTo("Looks fine");
            assertThat(details.path("statuses")).hasSize(1);
            assertThat(details.path("statuses").get(0).path("state").asString()).isEqualTo("SUCCESS");
            assertThat(api.getAnything("/api/pull-requests/" + id + "/diff").body()).contains("+X = 1");
            git.fetch().setCredentialsProvider(new org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider(
                    "x", ForgeClient.AGENT_TOKEN)).call();
            assertThat(git.getRepository().resolve("origin/main:textstats/extra.py")).isNotNull();
            assertThat(jdbc.queryForList("select event || '/' || coalesce(action, '-') from webhook_deliveries "
                    + "where source = 'embedded' order by id", String.class)).containsExactly("pull_request/opened",
                    "issue_comment/created", "status/-", "status/-", "pull_request/closed");
        }
    }

    @Test
    void deletingTheHeadBranchClosesThePullRequest() throws Exception {
        try (Git git = ForgeClient.cloneRepository(cloneUrl, ForgeClient.AGENT_TOKEN, work.resolve("clone"))) {
            ForgeClient.commitFile(git, "NOTES.md", "notes\n", "Notes");
            ForgeClient.push(git, ForgeClient.AGENT_TOKEN, "HEAD:refs/heads/feature/ISSUE-6");
            long id = forge("POST", "/pulls", "{\"head\": \"feature/ISSUE-6\", \"base\": \"main\", \"title\": \"Notes\"}",
                    ForgeClient.AGENT_TOKEN).json().path("id").asLong();

            assertThat(ForgeClient.push(git, ForgeClient.AGENT_TOKEN, ":refs/heads/feature/ISSUE-6"))
                    .isEqualTo(RemoteRefUpdate.Status.OK);

            assertThat(api.get("/api/pull-requests/" + id).json().path("pull_request").path("status").asString())
                    .isEqualTo("CLOSED");
            assertThat(api.get("/api/pull-requests?status=closed").json()).hasSize(1);
        }
    }

    @Test
    void gitAndTheForgeApiRequireAValidToken() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI refs = URI.create(cloneUrl + "/info/refs?service=git-upload-pack");
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(refs).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(refs).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("x:agent-token-on".getBytes())).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> valid = client.send(HttpRequest.newBuilder(refs).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(("x:" + ForgeClient.AGENT_TOKEN).getBytes())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(valid.body()).contains("refs/heads/main");
        assertThatThrownBy(() -> ForgeClient.cloneRepository(cloneUrl, "not-a-token", work.resolve("denied")))
                .isInstanceOf(TransportException.class);
        HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(URI.create(cloneUrl.replace(name, "nothing-here")
                + "/info/refs?service=git-upload-pack")).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("x:" + ForgeClient.AGENT_TOKEN).getBytes())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(forge("GET", "", null, null).status()).isEqualTo(401);
        assertThat(forge("GET", "", null, "wrong").status()).isEqualTo(401);
        assertThat(forge("GET", "", null, ForgeClient.AGENT_TOKEN).json().path("default_branch").asString()).isEqualTo("main");
    }

    @Test
    void forgeApiInputErrorsAreProblems() {
        Reply missingBranch = forge("POST", "/pulls", "{\"head\": \"feature/ISSUE-9\", \"base\": \"main\", \"title\": \"x\"}",
                ForgeClient.AGENT_TOKEN);
        Reply noTitle = forge("POST", "/pulls", "{\"head\": \"feature/ISSUE-9\", \"base\": \"main\"}", ForgeClient.AGENT_TOKEN);
        Reply badSha = forge("GET", "/commits/xyz/statuses", null, ForgeClient.AGENT_TOKEN);
        Reply unknownPr = forge("POST", "/pulls/99/comments", "{\"body\": \"hi\"}", ForgeClient.AGENT_TOKEN);
        Reply mainBranch = forge("POST", "/branches", "{\"branch\": \"main2\", \"sha\": \"" + "a".repeat(40) + "\"}",
                ForgeClient.AGENT_TOKEN);

        assertThat(missingBranch.status()).isEqualTo(422);
        assertThat(missingBranch.detail()).contains("feature/ISSUE-9");
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(badSha.status()).isEqualTo(400);
        assertThat(unknownPr.status()).isEqualTo(404);
        assertThat(mainBranch.status()).isEqualTo(403);
        assertThat(api.get("/api/pull-requests/12345").status()).isEqualTo(404);
        assertThat(api.get("/api/pull-requests?status=weird").status()).isEqualTo(400);
        for (Reply reply : new Reply[] {missingBranch, noTitle, badSha, unknownPr, mainBranch}) {
            assertThat(reply.isProblem()).as(reply.body()).isTrue();
        }
    }

    @Test
    void theForgeApiIsDocumentedWithoutItsInternalCallerAttribute() {
        String docs = api.get("/v3/api-docs").body();

        assertThat(docs).contains("/api/forge/repos/{owner}/{name}/pulls", "/api/repositories", "/api/pull-requests/{id}/diff")
                .doesNotContain("ForgeCaller");
    }

    private Reply forge(String method, String path, String body, String token) {
        return api.send(method, "/api/forge/repos/agentteam/" + name + path, body == null ? null : "application/json", body,
                token);
    }

    private long seedStory() {
        long epic = jdbc.queryForObject("insert into epics (title, created_by) values ('Text tools', 1) returning id",
                Long.class);
        return jdbc.queryForObject("insert into stories (epic_id, title, status) values (?, 'Shout', 'IN_PROGRESS') "
                + "returning id", Long.class, epic);
    }
}
