package dev.agentteam.orchestrator.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentteam.orchestrator.support.ForgeClient;
import dev.agentteam.orchestrator.support.TestApi;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A demo repository on the embedded forge with a story (epic owned by user 1), its branch adding
 * {@code textstats/extra.py}, and the open pull request for it: what the pull-request pages are tested on.
 *
 * @param forge the repository's forge API path, {@code /api/forge/repos/agentteam/<name>}
 */
record DemoPullRequest(String repository, long story, String sha, String forge, int number, long id) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** @param title the PR's title; {@code %d} in it becomes the story's id */
    static DemoPullRequest open(TestApi api, JdbcTemplate jdbc, Path work, String title, String body) throws Exception {
        jdbc.execute("truncate repositories restart identity cascade");
        String name = "ui-demo-" + System.nanoTime();
        Reply created = api.postJson("/api/repositories",
                "{\"name\": \"" + name + "\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long epic = jdbc.queryForObject("insert into epics (title, created_by) values ('Text tools', 1) returning id", Long.class);
        long story = jdbc.queryForObject("insert into stories (epic_id, title, status) values (?, 'Shout', 'IN_PROGRESS') returning id",
                Long.class, epic);
        String branch = "feature/ISSUE-" + story;
        String sha;
        try (Git git = ForgeClient.cloneRepository(created.json().path("clone_url").asString(), ForgeClient.AGENT_TOKEN,
                work.resolve("clone"))) {
            sha = ForgeClient.commitFile(git, "textstats/extra.py", "def shout(text):\n    return text.upper()\n", "Add shout");
            ForgeClient.push(git, ForgeClient.AGENT_TOKEN, "HEAD:refs/heads/" + branch);
        }
        String forge = "/api/forge/repos/agentteam/" + name;
        String pull = "{\"head\": \"" + branch + "\", \"base\": \"main\", \"title\": " + JSON.writeValueAsString(title.replace("%d", String.valueOf(story)))
                + (body == null ? "" : ", \"body\": " + JSON.writeValueAsString(body)) + "}";
        Reply opened = api.send("POST", forge + "/pulls", "application/json", pull, ForgeClient.AGENT_TOKEN);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return new DemoPullRequest(name, story, sha, forge, opened.json().path("number").asInt(), opened.json().path("id").asLong());
    }

    Reply post(TestApi api, String path, String json) {
        return api.send("POST", forge + path, "application/json", json, ForgeClient.AGENT_TOKEN);
    }
}
