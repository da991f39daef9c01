package dev.agentteam.orchestrator.coderepository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.agentteam.orchestrator.forge.ForgeStorage;
import dev.agentteam.orchestrator.support.ForgeClient;
import dev.agentteam.orchestrator.support.IntegrationTest;
import dev.agentteam.orchestrator.support.TestApi.Reply;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class RepositoryApiTest extends IntegrationTest {

    @TempDir
    Path work;

    @Autowired
    ForgeStorage storage;

    @BeforeEach
    void noRepositories() {
        jdbc.execute("truncate repositories restart identity cascade");
    }

    @Test
    void createsAnEmbeddedRepositoryFromTheDemoTemplate() throws Exception {
        String name = unique("demo");
        Reply created = create("{\"name\": \"" + name + "\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(created.location()).endsWith("/api/repositories/" + body.path("id").asLong());
        assertThat(body.path("forge").asString()).isEqualTo("embedded");
        assertThat(body.path("full_name").asString()).isEqualTo("agentteam/" + name);
        assertThat(body.path("default_branch").asString()).isEqualTo("main");
        assertThat(body.path("test_command").asString()).isEqualTo("python3 -m unittest discover -s tests -v");
        assertThat(body.path("clone_url").asString()).endsWith("/git/" + name + ".git");
        assertThat(storage.exists(name)).isTrue();
        try (Git git = ForgeClient.cloneRepository(body.path("clone_url").asString(), ForgeClient.AGENT_TOKEN, work.resolve("c"))) {
            assertThat(Files.readString(work.resolve("c/textstats/core.py"))).contains("def word_count(text):");
            assertThat(work.resolve("c/tests/test_core.py")).exists();
            assertThat(work.resolve("c/.gitignore")).exists();
            assertThat(git.getRepository().getBranch()).isEqualTo("main");
        }
        assertThat(api.get("/api/repositories").json()).hasSize(1);
        assertThat(api.get("/api/repositories/" + body.path("id").asLong()).json().path("name").asString()).isEqualTo(name);
    }

    @Test
    void theDemoTemplateBringsItsQualityChecksAndARequestMayNameItsOwn() {
        Reply demo = create("{\"name\": \"" + unique("q") + "\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}");
        Reply own = create("{\"name\": \"shop\", \"forge\": \"github\", \"full_name\": \"acme/shop\", \"test_command\": \"mvn test\", "
                + "\"lint_command\": \"mvn checkstyle:check\", \"required_checks\": [\"lint\"]}");

        assertThat(demo.status()).as(demo.body()).isEqualTo(201);
        assertThat(demo.json().path("lint_command").asString()).isEqualTo("python3 tools/lint.py textstats tests tools");
        assertThat(demo.json().path("coverage_command").asString()).isEqualTo("python3 tools/coverage.py textstats");
        assertThat(demo.json().path("coverage_threshold").asDouble()).isEqualTo(80.0);
        assertThat(demo.json().path("security_command").asString()).isEqualTo("python3 tools/security_scan.py textstats");
        assertThat(demo.json().path("required_checks")).isEmpty();
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().path("lint_command").asString()).isEqualTo("mvn checkstyle:check");
        assertThat(own.json().path("coverage_command").isMissingNode() || own.json().path("coverage_command").isNull()).isTrue();
        assertThat(own.json().path("required_checks").get(0).asString()).isEqualTo("lint");
        long id = own.json().path("id").asLong();
        Reply updated = api.send("PUT", "/api/repositories/" + id + "/quality", "application/json",
                "{\"security_command\": \"mvn dependency-check:check\", \"required_checks\": [\"security\"]}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(api.get("/api/repositories/" + id).json().path("security_command").asString())
                .isEqualTo("mvn dependency-check:check");
        assertThat(api.get("/api/repositories/" + id).json().path("lint_command").isMissingNode()
                || api.get("/api/repositories/" + id).json().path("lint_command").isNull()).isTrue();
    }

    @Test
    void badQualitySettingsAreClearProblems() {
        String github = "{\"name\": \"q1\", \"forge\": \"github\", \"full_name\": \"acme/q1\", \"test_command\": \"true\", ";
        assertProblem(create(github + "\"coverage_command\": \"c\", \"coverage_threshold\": 120}"), 400, "between 0 and 100");
        assertProblem(create(github + "\"coverage_threshold\": 50}"), 400, "needs a coverage_command");
        assertProblem(create(github + "\"required_checks\": [\"style\"]}"), 400, "only lint, coverage and security");
        assertProblem(create(github + "\"required_checks\": [\"lint\"]}"), 400, "no lint_command is set");
        assertProblem(api.send("PUT", "/api/repositories/999/quality", "application/json", "{}"), 404, "999");
        assertThat(api.get("/api/repositories").json()).isEmpty();
    }

    @Test
    void importsAPlainDirectoryAsTheFirstCommit() throws Exception {
        Path source = Files.createDirectories(work.resolve("plain/src"));
        Files.writeString(source.resolve("hello.sh"), "echo hi\n");
        source.resolve("hello.sh").toFile().setExecutable(true);
        String name = unique("plain");

        Reply created = create("{\"name\": \"" + name + "\", \"test_command\": \"sh src/hello.sh\", \"default_branch\": \"trunk\", "
                + "\"source\": {\"type\": \"path\", \"path\": \"" + work.resolve("plain") + "\"}}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        try (Git git = ForgeClient.cloneRepository(created.json().path("clone_url").asString(), ForgeClient.AGENT_TOKEN,
                work.resolve("c"))) {
            assertThat(git.getRepository().getBranch()).isEqualTo("trunk");
            assertThat(Files.readString(work.resolve("c/src/hello.sh"))).isEqualTo("echo hi\n");
            assertThat(Files.isExecutable(work.resolve("c/src/hello.sh"))).isTrue();
        }
    }

    @Test
    void importsALocalGitRepositoryWithItsHistoryAndBranches() throws Exception {
        Path source = work.resolve("repo");
        PersonIdent me = new PersonIdent("me", "me@example.com");
        try (Git git = Git.init().setDirectory(source.toFile()).setInitialBranch("main").call()) {
            Files.writeString(source.resolve("a.txt"), "one\n");
            git.add().addFilepattern("a.txt").call();
            git.commit().setMessage("first").setAuthor(me).setCommitter(me).call();
            Files.writeString(source.resolve("a.txt"), "two\n");
            git.commit().setAll(true).setMessage("second").setAuthor(me).setCommitter(me).call();
            git.branchCreate().setName("topic").call();
        }
        String name = unique("imported");

        Reply created = create("{\"name\": \"" + name + "\", \"test_command\": \"true\", "
                + "\"source\": {\"type\": \"path\", \"path\": \"" + source + "\"}}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        try (Git git = ForgeClient.cloneRepository(created.json().path("clone_url").asString(), ForgeClient.AGENT_TOKEN,
                work.resolve("c"))) {
            assertThat(git.log().call()).extracting(commit -> commit.getShortMessage()).containsExactly("second", "first");
            assertThat(git.getRepository().exactRef("refs/remotes/origin/topic")).isNotNull();
        }
    }

    @Test
    void registersAGitHubRepositoryWithoutCreatingOne() {
        Reply created = create("{\"name\": \"shop\", \"forge\": \"github\", \"full_name\": \"acme/shop\", \"test_command\": \"mvn test\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("clone_url").asString()).isEqualTo("https://github.com/acme/shop.git");
        assertThat(storage.exists("shop")).isFalse();
    }

    @Test
    void badInputIsAClearProblem() {
        String name = unique("dup");
        assertThat(create("{\"name\": \"" + name + "\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}")
                .status()).isEqualTo(201);

        assertProblem(create("{\"name\": \"" + name + "\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}"),
                409, "already exists");
        assertProblem(create("{\"name\": \"../etc\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}"),
                400, "not a valid repository name");
        assertProblem(create("{\"name\": \"x.git\", \"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}"),
                400, "not a valid repository name");
        assertProblem(create("{\"name\": \"t1\", \"source\": {\"type\": \"template\", \"template\": \"cobol\"}}"),
                422, "Unknown template 'cobol'");
        assertProblem(create("{\"name\": \"t2\", \"test_command\": \"true\", \"source\": {\"type\": \"path\", \"path\": \""
                + work.resolve("missing") + "\"}}"), 422, "No directory at");
        assertProblem(create("{\"name\": \"t3\", \"test_command\": \"true\", \"source\": {\"type\": \"path\", \"path\": \"relative/dir\"}}"),
                400, "absolute path");
        assertProblem(create("{\"name\": \"t4\", \"source\": {\"type\": \"path\", \"path\": \"/tmp\"}}"), 400, "test_command");
        assertProblem(create("{\"name\": \"t5\"}"), 400, "source is required");
        assertProblem(create("{\"name\": \"t6\", \"source\": {\"type\": \"zip\"}}"), 400, "source.type");
        assertProblem(create("{\"name\": \"t7\", \"forge\": \"gitlab\", \"test_command\": \"true\"}"), 400, "unknown forge");
        assertProblem(create("{\"name\": \"t8\", \"forge\": \"github\", \"test_command\": \"true\"}"), 400, "full_name");
        assertProblem(create("{\"name\": \"t9\", \"default_branch\": \"a..b\", \"source\": {\"type\": \"template\", "
                + "\"template\": \"demo-python\"}}"), 400, "default_branch");
        assertProblem(create("{\"source\": {\"type\": \"template\", \"template\": \"demo-python\"}}"), 400, "name");
        assertProblem(api.get("/api/repositories/999"), 404, "No repository with id 999");
        assertThat(storage.exists("t1")).isFalse();
        assertThat(api.get("/api/repositories").json()).hasSize(1);
    }

    private Reply create(String json) {
        return api.postJson("/api/repositories", json);
    }

    private static void assertProblem(Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.detail()).contains(detail);
    }

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }
}
