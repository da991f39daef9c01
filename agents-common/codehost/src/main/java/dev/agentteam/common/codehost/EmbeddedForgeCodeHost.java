package dev.agentteam.common.codehost;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link CodeHost} of the orchestrator's embedded forge: its token-authenticated API under
 * {@code /api/forge/repos/<owner>/<name>}. The token (an agent's: its task's credential) is sent as a Bearer token
 * and never logged. No token merges: the forge answers 403.
 */
public class EmbeddedForgeCodeHost implements CodeHost {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String apiRoot;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;

    /** @param baseUrl the orchestrator's root URL ({@code http://orchestrator:8080}) */
    public EmbeddedForgeCodeHost(URI baseUrl, String token, Duration timeout) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the embedded forge needs a token (an agent's comes with its task)");
        }
        this.apiRoot = baseUrl.toString().replaceAll("/+$", "") + "/api/forge/repos/";
        this.token = token;
        this.timeout = timeout != null ? timeout : Duration.ofSeconds(30);
        this.http = HttpClient.newBuilder().connectTimeout(this.timeout).build();
    }

    /** The orchestrator's root URL for a clone URL {@code <root>/git/<name>.git} of the embedded forge. */
    public static URI baseUrlOf(String cloneUrl) {
        int git = cloneUrl == null ? -1 : cloneUrl.lastIndexOf("/git/");
        if (git < 0) {
            throw new IllegalArgumentException("'" + cloneUrl + "' is not an embedded forge clone URL (<root>/git/<name>.git)");
        }
        return URI.create(cloneUrl.substring(0, git));
    }

    @Override
    public RepositoryInfo repository(RepositoryRef repository) {
        JsonNode body = send("GET", repository, "", null);
        return new RepositoryInfo(repository, body.path("default_branch").asString(), body.path("clone_url").asString(),
                body.path("web_url").asString(null), body.path("private_repository").asBoolean(true));
    }

    @Override
    public void createBranch(RepositoryRef repository, String branch, String sha) {
        send("POST", repository, "/branches", Map.of("branch", branch, "sha", sha));
    }

    @Override
    public Optional<PullRequest> findOpenPullRequest(RepositoryRef repository, String head) {
        JsonNode list = send("GET", repository, "/pulls?head=" + URLEncoder.encode(head, StandardCharsets.UTF_8), null);
        return list.isArray() && !list.isEmpty() ? Optional.of(pullRequest(list.get(0))) : Optional.empty();
    }

    @Override
    public PullRequest openPullRequest(RepositoryRef repository, NewPullRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("head", request.head());
        body.put("base", request.base());
        body.put("title", request.title());
        body.put("body", request.body());
        body.put("draft", request.draft());
        return pullRequest(send("POST", repository, "/pulls", body));
    }

    @Override
    public void comment(RepositoryRef repository, int number, String body) {
        send("POST", repository, "/pulls/" + number + "/comments", Map.of("body", body));
    }

    @Override
    public void reviewComments(RepositoryRef repository, int number, String commitSha, String summary,
            List<InlineComment> comments) {
        List<Map<String, Object>> inline = new ArrayList<>();
        comments.forEach(c -> inline.add(Map.of("path", c.path(), "line", c.line(), "body", c.body())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commit_id", commitSha);
        body.put("summary", summary == null ? "" : summary);
        body.put("comments", inline);
        send("POST", repository, "/pulls/" + number + "/reviews", body);
    }

    @Override
    public void addLabels(RepositoryRef repository, int number, Set<String> labels) {
        send("POST", repository, "/pulls/" + number + "/labels", Map.of("labels", new TreeSet<>(labels)));
    }

    @Override
    public List<CommitCheck> commitStatuses(RepositoryRef repository, String sha) {
        return checks(send("GET", repository, "/commits/" + sha + "/statuses", null));
    }

    @Override
    public List<CommitCheck> checkRuns(RepositoryRef repository, String sha) {
        return checks(send("GET", repository, "/commits/" + sha + "/check-runs", null));
    }

    @Override
    public void setCommitStatus(RepositoryRef repository, String sha, String context, CiState state, String description,
                                String targetUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("context", context);
        body.put("state", state.name().toLowerCase(Locale.ROOT));
        body.put("description", description == null ? "" : description.length() <= 1000 ? description
                : description.substring(0, 999) + "…");
        body.put("target_url", targetUrl);
        send("POST", repository, "/commits/" + sha + "/statuses", body);
    }

    @Override
    public void merge(RepositoryRef repository, int number, String expectedHeadSha, MergeMethod method) {
        send("PUT", repository, "/pulls/" + number + "/merge",
                Map.of("sha", expectedHeadSha, "method", method.name().toLowerCase(Locale.ROOT)));
    }

    private static List<CommitCheck> checks(JsonNode list) {
        List<CommitCheck> checks = new ArrayList<>();
        for (JsonNode node : list) {
            checks.add(new CommitCheck(node.path("context").asString(), state(node.path("state").asString()),
                    node.path("target_url").isNull() ? null : node.path("target_url").asString(null)));
        }
        return checks;
    }

    private static CiState state(String state) {
        return switch (state) {
            case "success" -> CiState.SUCCESS;
            case "pending" -> CiState.PENDING;
            default -> CiState.FAILURE;
        };
    }

    private static PullRequest pullRequest(JsonNode node) {
        return new PullRequest(node.path("number").asInt(), node.path("url").asString(null), node.path("title").asString(),
                node.path("head").asString(), node.path("head_sha").asString(null), node.path("base").asString(),
                "open".equals(node.path("state").asString()));
    }

    private JsonNode send(String method, RepositoryRef repository, String path, Object body) {
        String target = method + " " + repository.fullName() + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiRoot + repository.owner() + "/"
                        + repository.name() + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw failure(target, response);
            }
            return response.body() == null || response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CodeHostException("embedded forge unreachable for " + target + ": " + e.getMessage(), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CodeHostException("interrupted during " + target, 0, e);
        } catch (JacksonException e) {
            throw new CodeHostException("embedded forge answered unreadable JSON for " + target, 0, e);
        }
    }

    private static CodeHostException failure(String target, HttpResponse<String> response) {
        String detail;
        try {
            detail = JSON.readTree(response.body()).path("detail").asString("");
        } catch (JacksonException e) {
            detail = "";
        }
        int status = response.statusCode();
        if (status == 429) {
            return new RateLimitedException(RateLimitResponses.wait(
                    name -> response.headers().firstValue(name).orElse(null), Instant.now(), Duration.ofSeconds(60)));
        }
        return new CodeHostException("embedded forge refused " + target + " (" + status + ")"
                + (detail.isBlank() ? "" : ": " + detail), status);
    }

    @Override
    public String toString() {
        return "EmbeddedForgeCodeHost[" + apiRoot + ", token=***]";
    }
}
