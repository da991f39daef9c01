package dev.agentteam.orchestrator.retrieval;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.agentteam.orchestrator.support.ForgeClient;
import dev.agentteam.orchestrator.support.TestApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The search and index API: filters, who may call what, and every kind of bad input as a 4xx problem. */
class SearchApiTest extends RetrievalTest {

    @TempDir
    Path temp;

    @Test
    void searchFiltersByPathAndLanguageAndAnswersPeopleAndAgents() {
        long id = register("api-shop", copyFixture(temp.resolve("api-shop")));
        awaitIndexed(id, null);

        JsonNode hit = search(id, "parseHost").path("results").get(0);
        assertThat(hit.path("path").asString()).isEqualTo("net/urls.py");
        assertThat(hit.path("symbol").asString()).contains("parse_host");
        assertThat(hit.path("start_line").asInt()).isPositive();
        assertThat(hit.path("end_line").asInt()).isGreaterThanOrEqualTo(hit.path("start_line").asInt());
        assertThat(hit.path("snippet").asString()).contains("def parse_host(url):");
        assertThat(hit.path("score").asDouble()).isPositive();
        JsonNode body = api.get("/api/repositories/" + id + "/search?q=total&path=billing/&k=5").json();
        assertThat(body.path("results")).isNotEmpty().allSatisfy(r -> assertThat(r.path("path").asString()).startsWith("billing/"));
        assertThat(body.path("took_ms").isNumber()).isTrue();
        assertThat(body.path("index").path("complete").asBoolean()).isTrue();
        assertThat(api.get("/api/repositories/" + id + "/search?q=session&language=go").json().path("results"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.path("language").asString()).isEqualTo("go"));
        assertThat(api.get("/api/repositories/" + id + "/search?q=session&path=nowhere/").json().path("results")).isEmpty();

        TestApi.Reply viewer = api.as(users.person("viewer")).get("/api/repositories/" + id + "/search?q=cart");
        assertThat(viewer.status()).isEqualTo(200);
        TestApi.Reply viewerReindex = api.as(users.person("viewer")).postJson("/api/repositories/" + id + "/index", "");
        assertThat(viewerReindex.status()).isEqualTo(403);
        TestApi.Reply agent = anonymous.send("GET", "/api/forge/repositories/" + id + "/search?q=cart", null, null,
                ForgeClient.AGENT_TOKEN);
        assertThat(agent.status()).as(agent.body()).isEqualTo(200);
        assertThat(agent.json().path("results").get(0).path("path").asString()).isEqualTo("web/cart.js");
        assertThat(anonymous.get("/api/forge/repositories/" + id + "/search?q=cart").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/repositories/" + id + "/search?q=cart").status()).isEqualTo(401);
    }

    @Test
    void badInputIsAClearProblemNeverAServerError() {
        long id = register("bad-input", copyFixture(temp.resolve("bad-input")));
        String search = "/api/repositories/" + id + "/search";

        assertProblem(api.get(search), 400, "q must not be empty");
        assertProblem(api.get(search + "?q=%20%20"), 400, "q must not be empty");
        assertProblem(api.get(search + "?q=" + "x".repeat(2000)), 400, "q is 2000 characters long; at most 1000");
        assertProblem(api.get(search + "?q=cart&k=0"), 400, "k must be between 1 and 50, was 0");
        assertProblem(api.get(search + "?q=cart&k=51"), 400, "k must be between 1 and 50, was 51");
        assertProblem(api.get(search + "?q=cart&k=many"), 400, "k");
        assertProblem(api.get(search + "?q=cart&language=cobol"), 400, "language 'cobol' is not known");
        assertProblem(api.get(search + "?q=cart&path=/etc"), 400, "path must be a path prefix relative to the repository root");
        assertProblem(api.get(search + "?q=cart&path=" + URLEncoder.encode("../x", StandardCharsets.UTF_8)), 400, "no '..'");
        assertProblem(api.get(search + "?q=cart&mode=magic"), 400, "mode must be hybrid, vector or text");
        assertProblem(api.get("/api/repositories/9999/search?q=cart"), 404, "No repository with id 9999");
        assertProblem(api.get("/api/repositories/9999/index"), 404, "No repository with id 9999");
        assertProblem(api.postJson("/api/repositories/9999/index", ""), 404, "No repository with id 9999");
        assertProblem(api.postJson("/api/repositories/" + id + "/index?full=perhaps", ""), 400, "full");
    }

    @Test
    void aRepositoryStillBeingIndexedAnswersFromWhatIsIndexedAndSaysSo() {
        long id = register("half-done", copyFixture(temp.resolve("half-done")));
        awaitIndexed(id, null);
        // a run in its text pass (as after a push of many files): the rows so far stay searchable
        jdbc.update("update index_states set status = 'INDEXING', files_total = 40, files_done = 12 where repository_id = ?", id);
        jdbc.update("update index_phases set phase = 'text' where repository_id = ?", id);

        JsonNode body = search(id, "shopping cart items");

        assertThat(body.path("results")).isNotEmpty();
        assertThat(body.path("index").path("complete").asBoolean()).isFalse();
        assertThat(body.path("index").path("status").asString()).isEqualTo("INDEXING");
        assertThat(body.path("index").path("notice").asString())
                .isEqualTo("The repository is still being indexed (12 of 40 changed files done); results come from what is indexed so far.");
        jdbc.update("update index_states set status = 'IDLE' where repository_id = ?", id);
    }

    @Test
    void theOpenApiDocumentDescribesSearchAndIndexWithTheirProblems() {
        JsonNode paths = api.get("/v3/api-docs").json().path("paths");

        JsonNode search = paths.path("/api/repositories/{id}/search").path("get");
        assertThat(search.path("responses").propertyNames()).contains("200", "400", "404", "503");
        assertThat(search.path("responses").path("400").path("content").has("application/problem+json")).isTrue();
        assertThat(search.path("parameters").findValuesAsString("name")).contains("q", "k", "path", "language", "mode");
        assertThat(paths.path("/api/repositories/{id}/index").path("get").path("responses").propertyNames()).contains("200", "404");
        assertThat(paths.path("/api/repositories/{id}/index").path("post").path("responses").propertyNames()).contains("202", "404");
        assertThat(paths.has("/api/forge/repositories/{id}/search")).isTrue();
    }

    private static void assertProblem(TestApi.Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.detail()).contains(detail);
    }
}
