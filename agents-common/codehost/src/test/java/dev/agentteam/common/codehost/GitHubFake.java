package dev.agentteam.common.codehost;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * Stubs GitHub's REST API on WireMock with the JSON shapes GitHub answers (abridged from the REST API
 * reference: the fields github-api reads are all there).
 */
final class GitHubFake {

    private final WireMockServer server;
    private final AtomicInteger numbers = new AtomicInteger(40);

    GitHubFake(WireMockServer server) {
        this.server = server;
    }

    String base() {
        return server.baseUrl();
    }

    void repository(RepositoryRef ref, String defaultBranch) {
        server.stubFor(get(urlPathEqualTo("/repos/" + ref.fullName())).willReturn(okJson(repositoryJson(ref, defaultBranch))));
        server.stubFor(post(urlPathEqualTo("/repos/" + ref.fullName() + "/git/refs")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("""
                        {"ref": "refs/heads/new", "node_id": "MDM6UmVmcmVmcy9oZWFkcy9mZWF0dXJlQQ==",
                         "url": "%s/repos/%s/git/refs/heads/new",
                         "object": {"type": "commit", "sha": "aa218f56b14c9653891f9e74264a383fa43fefbd",
                                    "url": "%s/repos/%s/git/commits/aa218f56b14c9653891f9e74264a383fa43fefbd"}}
                        """.formatted(base(), ref.fullName(), base(), ref.fullName()))));
    }

    void missing(RepositoryRef ref) {
        server.stubFor(get(urlPathEqualTo("/repos/" + ref.fullName())).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("""
                        {"message": "Not Found", "documentation_url": "https://docs.github.com/rest/repos/repos#get-a-repository", "status": "404"}
                        """)));
    }

    /** No PR for {@code head} until one is created; afterwards the list shows it (a WireMock scenario). */
    int pullRequestFlow(RepositoryRef ref, String head, String base, String headSha) {
        int number = numbers.incrementAndGet();
        String scenario = "pr-" + head;
        String pulls = "/repos/" + ref.fullName() + "/pulls";
        String pr = pullRequestJson(ref, number, head, base, headSha, "[ISSUE-" + head.replaceAll("\\D", "") + "] title");
        String created = pullRequestJson(ref, number, head, base, headSha, "{{{jsonPath request.body '$.title'}}}");
        server.stubFor(get(urlPathEqualTo(pulls)).withQueryParam("head", equalTo(ref.owner() + ":" + head))
                .withQueryParam("state", equalTo("open"))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        server.stubFor(post(urlPathEqualTo(pulls)).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                        .matchingJsonPath("$.head", equalTo(head)))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("open")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(created).withTransformers("response-template")));
        server.stubFor(get(urlPathEqualTo(pulls)).withQueryParam("head", equalTo(ref.owner() + ":" + head))
                .withQueryParam("state", equalTo("open"))
                .inScenario(scenario).whenScenarioStateIs("open").willReturn(okJson("[" + pr + "]")));
        server.stubFor(get(urlPathEqualTo(pulls + "/" + number)).willReturn(okJson(pr)));
        String issue = "/repos/" + ref.fullName() + "/issues/" + number;
        server.stubFor(get(urlPathEqualTo(issue)).willReturn(okJson(issueJson(ref, number))));
        server.stubFor(post(urlPathEqualTo(issue + "/comments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody("""
                        {"id": 1, "node_id": "MDEyOklzc3VlQ29tbWVudDE=", "url": "%s%s/comments/1",
                         "html_url": "https://github.com/%s/pull/%d#issuecomment-1", "body": "Me too",
                         "user": {"login": "agent-team[bot]", "id": 2, "type": "Bot"},
                         "created_at": "2026-11-26T08:00:00Z", "updated_at": "2026-11-26T08:00:00Z",
                         "author_association": "NONE"}
                        """.formatted(base(), issue, ref.fullName(), number))));
        server.stubFor(post(urlPathEqualTo(issue + "/labels")).willReturn(okJson("""
                [{"id": 208045946, "node_id": "MDU6TGFiZWwyMDgwNDU5NDY=", "url": "%s/repos/%s/labels/agent:dev",
                  "name": "agent:dev", "description": "", "color": "f29513", "default": false}]
                """.formatted(base(), ref.fullName()))));
        server.stubFor(post(urlPathEqualTo(pulls + "/" + number + "/reviews")).willReturn(okJson("""
                {"id": 80, "node_id": "MDE3OlB1bGxSZXF1ZXN0UmV2aWV3ODA=", "user": {"login": "agent-team[bot]", "id": 2},
                 "body": "Two remarks", "state": "COMMENTED", "commit_id": "%s",
                 "html_url": "https://github.com/%s/pull/%d#pullrequestreview-80",
                 "pull_request_url": "%s%s/%d", "submitted_at": "2026-11-26T08:00:00Z"}
                """.formatted(headSha, ref.fullName(), number, base(), pulls, number))));
        server.stubFor(put(urlPathEqualTo(pulls + "/" + number + "/merge")).willReturn(okJson("""
                {"sha": "6dcb09b5b57875f334f61aebed695e2e4193db5e", "merged": true, "message": "Pull Request successfully merged"}
                """)));
        return number;
    }

    void ci(RepositoryRef ref, String sha, List<CommitCheck> statuses, List<CommitCheck> runs) {
        String commit = "/repos/" + ref.fullName() + "/commits/" + sha;
        String statusJson = statuses.stream().map(s -> """
                {"url": "%s/repos/%s/statuses/%s", "id": 1, "node_id": "MDY6U3RhdHVzMQ==",
                 "state": "%s", "description": "Build finished", "target_url": %s, "context": "%s",
                 "created_at": "2026-11-26T08:00:00Z", "updated_at": "2026-11-26T08:00:00Z"}
                """.formatted(base(), ref.fullName(), sha, s.state().name().toLowerCase(), quoted(s.detailsUrl()), s.name()))
                .collect(Collectors.joining(",", "[", "]"));
        // github-api reads the older alias GET /repos/{owner}/{repo}/statuses/{ref}, which GitHub still serves
        server.stubFor(get(urlPathEqualTo("/repos/" + ref.fullName() + "/statuses/" + sha)).willReturn(okJson(statusJson)));
        String runJson = runs.stream().map(r -> """
                {"id": 4, "head_sha": "%s", "node_id": "MDg6Q2hlY2tSdW40", "external_id": "",
                 "url": "%s/repos/%s/check-runs/4", "html_url": "https://github.com/%s/runs/4", "details_url": %s,
                 "status": "%s", "conclusion": %s, "started_at": "2026-11-26T08:00:00Z", "completed_at": null,
                 "name": "%s", "check_suite": {"id": 5}, "app": {"id": 1, "slug": "ci"}, "pull_requests": []}
                """.formatted(sha, base(), ref.fullName(), ref.fullName(), quoted(r.detailsUrl()),
                        r.state() == CiState.PENDING ? "in_progress" : "completed",
                        r.state() == CiState.PENDING ? "null" : r.state() == CiState.SUCCESS ? "\"success\"" : "\"failure\"",
                        r.name()))
                .collect(Collectors.joining(",", "{\"total_count\": " + runs.size() + ", \"check_runs\": [", "]}"));
        server.stubFor(get(urlPathEqualTo(commit + "/check-runs")).willReturn(okJson(runJson)));
    }

    /** POST /repos/{owner}/{repo}/statuses/{sha}, answered like GitHub (201 with the created status). */
    void statusCreation(RepositoryRef ref, String sha) {
        server.stubFor(post(urlPathEqualTo("/repos/" + ref.fullName() + "/statuses/" + sha)).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json; charset=utf-8").withBody("""
                        {"url": "%s/repos/%s/statuses/%s", "id": 2, "node_id": "MDY6U3RhdHVzMg==",
                         "state": "{{jsonPath request.body '$.state'}}", "description": "{{jsonPath request.body '$.description'}}",
                         "target_url": null, "context": "{{jsonPath request.body '$.context'}}",
                         "created_at": "2026-11-26T08:00:00Z", "updated_at": "2026-11-26T08:00:00Z"}
                        """.formatted(base(), ref.fullName(), sha)).withTransformers("response-template")));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private String repositoryJson(RepositoryRef ref, String defaultBranch) {
        return """
                {"id": 1296269, "node_id": "MDEwOlJlcG9zaXRvcnkxMjk2MjY5", "name": "%2$s", "full_name": "%1$s/%2$s",
                 "owner": {"login": "%1$s", "id": 1, "node_id": "MDQ6VXNlcjE=", "type": "Organization",
                           "url": "%3$s/users/%1$s", "html_url": "https://github.com/%1$s"},
                 "private": false, "html_url": "https://github.com/%1$s/%2$s", "description": "Demo", "fork": false,
                 "url": "%3$s/repos/%1$s/%2$s", "clone_url": "https://github.com/%1$s/%2$s.git",
                 "git_url": "git://github.com/%1$s/%2$s.git", "ssh_url": "git@github.com:%1$s/%2$s.git",
                 "default_branch": "%4$s", "visibility": "public", "archived": false, "disabled": false,
                 "created_at": "2026-01-26T19:01:12Z", "updated_at": "2026-11-26T08:00:00Z", "pushed_at": "2026-11-26T08:00:00Z",
                 "permissions": {"admin": false, "maintain": false, "push": true, "triage": true, "pull": true}}
                """.formatted(ref.owner(), ref.name(), base(), defaultBranch);
    }

    private String pullRequestJson(RepositoryRef ref, int number, String head, String base, String headSha, String title) {
        return """
                {"url": "%3$s/repos/%1$s/pulls/%2$d", "id": 1, "node_id": "MDExOlB1bGxSZXF1ZXN0MQ==",
                 "html_url": "https://github.com/%1$s/pull/%2$d", "issue_url": "%3$s/repos/%1$s/issues/%2$d",
                 "number": %2$d, "state": "open", "locked": false, "title": "%6$s", "draft": false,
                 "user": {"login": "agent-team[bot]", "id": 2, "type": "Bot"}, "body": "body", "labels": [],
                 "created_at": "2026-11-26T08:00:00Z", "updated_at": "2026-11-26T08:00:00Z",
                 "head": {"label": "%7$s:%4$s", "ref": "%4$s", "sha": "%5$s", "user": {"login": "%7$s", "id": 1}},
                 "base": {"label": "%7$s:%8$s", "ref": "%8$s", "sha": "1111111111111111111111111111111111111111", "user": {"login": "%7$s", "id": 1}},
                 "author_association": "NONE", "merged": false, "mergeable": true, "comments": 0, "commits": 1}
                """.formatted(ref.fullName(), number, base(), head, headSha, title, ref.owner(), base);
    }

    private String issueJson(RepositoryRef ref, int number) {
        return """
                {"id": 1, "node_id": "MDU6SXNzdWUx", "url": "%3$s/repos/%1$s/issues/%2$d",
                 "html_url": "https://github.com/%1$s/pull/%2$d", "number": %2$d, "state": "open", "title": "PR",
                 "body": "body", "user": {"login": "agent-team[bot]", "id": 2}, "labels": [], "locked": false, "comments": 0,
                 "pull_request": {"url": "%3$s/repos/%1$s/pulls/%2$d", "html_url": "https://github.com/%1$s/pull/%2$d"},
                 "created_at": "2026-11-26T08:00:00Z", "updated_at": "2026-11-26T08:00:00Z"}
                """.formatted(ref.fullName(), number, base());
    }
}
