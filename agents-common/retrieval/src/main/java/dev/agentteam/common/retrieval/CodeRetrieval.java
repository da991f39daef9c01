package dev.agentteam.common.retrieval;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.agentteam.common.codehost.CodeHosts;
import dev.agentteam.common.codehost.EmbeddedForgeCodeHost;
import dev.agentteam.common.codehost.EmbeddedForgeProperties;
import dev.agentteam.common.llm.ModelCallContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agents' access to retrieval: the orchestrator's hybrid code search ({@code GET /api/forge/repositories/{id}/search},
 * authenticated with the task's forge credential), every call written to {@code agent_logs} so the task's trajectory
 * shows what the agent saw. Retrieval helps but is never required: when the orchestrator cannot answer, the
 * result is empty with the reason, and the agent works on without it.
 */
public class CodeRetrieval {

    private static final Logger log = LoggerFactory.getLogger(CodeRetrieval.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The orchestrator's limit on a query (agentteam.retrieval.max-query-chars default). */
    public static final int MAX_QUERY_CHARS = 1000;

    private final URI orchestrator;
    private final CodeHosts codeHosts;
    private final Duration timeout;
    private final RetrievalLog audit;
    private final HttpClient http;

    public CodeRetrieval(RetrievalProperties properties, EmbeddedForgeProperties forge, CodeHosts codeHosts,
                         RetrievalLog audit) {
        this.orchestrator = properties.url() != null ? properties.url() : forge.url();
        this.codeHosts = codeHosts;
        this.timeout = properties.timeout();
        this.audit = audit;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * The {@code k} chunks of the repository best matching {@code query}, logged under {@code purpose}
     * ({@code rag_context}, {@code search_code}, {@code review_context}).
     *
     * @param cloneUrl the repository's clone URL: the orchestrator's address when none is configured
     * @param pathPrefix only below this path ("" or null for all)
     */
    public Retrieved search(ModelCallContext context, String purpose, long repositoryId, String cloneUrl, String query,
                            int k, String pathPrefix) {
        String q = query == null ? "" : query.strip();
        if (q.length() > MAX_QUERY_CHARS) {
            q = q.substring(0, MAX_QUERY_CHARS);
        }
        Retrieved result = q.isEmpty() ? Retrieved.unavailable(q, "nothing to search for")
                : call(repositoryId, cloneUrl, q, k, pathPrefix);
        audit.write(context, purpose, k, pathPrefix, result);
        return result;
    }

    private Retrieved call(long repositoryId, String cloneUrl, String q, int k, String pathPrefix) {
        URI base = orchestrator;
        if (base == null) {
            try {
                base = EmbeddedForgeCodeHost.baseUrlOf(cloneUrl);
            } catch (IllegalArgumentException e) {
                return Retrieved.unavailable(q, "retrieval is not configured: set agentteam.retrieval.client.url (AGENTTEAM_RETRIEVAL_CLIENT_URL) "
                        + "(the orchestrator's address)");
            }
        }
        String token;
        try {
            token = codeHosts.embeddedToken(cloneUrl);
        } catch (RuntimeException e) {
            log.info("Retrieval for repository {} has no forge credential: {}", repositoryId, e.getMessage());
            return Retrieved.unavailable(q, "retrieval needs the task's forge credential: " + e.getMessage());
        }
        if (token == null) {
            return Retrieved.unavailable(q, "retrieval needs the task's forge credential (a local repository has none)");
        }
        String url = base.toString().replaceAll("/+$", "") + "/api/forge/repositories/" + repositoryId + "/search?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&k=" + k
                + (pathPrefix == null || pathPrefix.isBlank() ? "" : "&path=" + URLEncoder.encode(pathPrefix, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET()
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                String detail = body.path("detail").asString("HTTP " + response.statusCode());
                log.info("Retrieval for repository {} refused ({}): {}", repositoryId, response.statusCode(), detail);
                return Retrieved.unavailable(q, "retrieval failed: " + detail);
            }
            List<CodeChunk> chunks = new ArrayList<>();
            for (JsonNode hit : body.path("results")) {
                chunks.add(new CodeChunk(hit.path("path").asString(), hit.path("start_line").asInt(),
                        hit.path("end_line").asInt(), hit.path("symbol").isString() ? hit.path("symbol").asString() : null,
                        hit.path("score").asDouble(), hit.path("snippet").asString("")));
            }
            JsonNode notice = body.path("index").path("notice");
            return new Retrieved(q, List.copyOf(chunks), notice.isString() ? notice.asString() : null,
                    body.path("took_ms").asLong());
        } catch (IOException | JacksonException e) {
            log.info("Retrieval for repository {} unavailable: {}", repositoryId, e.toString());
            return Retrieved.unavailable(q, "retrieval unavailable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Retrieved.unavailable(q, "retrieval interrupted");
        }
    }
}
