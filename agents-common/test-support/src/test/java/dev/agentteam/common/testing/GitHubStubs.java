package dev.agentteam.common.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * GitHub's REST API on WireMock for the agents' tests, in GitHub's JSON shapes (the fields github-api reads):
 * one repository with one open pull request, and the write endpoints the agents use (statuses, comments, labels,
 * reviews). Tests check what was sent with {@code server.verify(...)} or {@code server.findAll(...)}.
 */
public final class GitHubStubs {

    private final WireMockServer server;

    public GitHubStubs(WireMockServer server) {
        this.server = server;
    }

    public void repositoryWithPullRequest(String owner, String name, int number, String head, String headSha, String base) {
        String full = owner + "/" + name;
        String api = server.baseUrl();
        server.stubFor(get(urlPathEqualTo("/repos/" + full)).willReturn(okJson("""
                {"id": 1296269, "node_id": "MDEwOlJlcG9zaXRvcnkxMjk2MjY5", "name": "%2$s", "full_name": "%1$s/%2$s",
                 "owner": {"login": "%1$s", "id": 1, "type": "Organization", "url": "%3$s/users/%1$s"},
                 "private": false, "html_url": "https://github.com/%1$s/%2$s", "url": "%3$s/repos/%1$s/%2$s",
                 "clone_url": "https://github.com/%1$s/%2$s.git", "default_branch": "%4$s", "visibility": "public",
                 "created_at": "2026-01-26T19:01:12Z", "updated_at": "2026-11-26T08:00:00Z",
                 "permissions": {"admin": false, "push": true, "pull": true}}
                """.formatted(owner, name, api, base))));
        String pr = """
                {"url": "%3$s/repos/%1$s/pulls/%2$d", "id": 1, "node_id": "MDExOlB1bGxSZXF1ZXN0MQ==",
                 "html_url": "https://github.com/%1$s/pull/%2$d", "issue_url": "%3$s/repos/%1$s/issues/%2$d",
                 "number": %2$d, "state": "open", "locked": false, "title": "PR", "draft": false,
                 "user": {"login": "agent-team[bot]", "id": 2, "type": "Bot"}, "body": "body", "labels": [],
                 "created_at": "2026-11-26T08:00:00Z", "updated_at": "2026-11-26T08:00:00Z",
                 "head": {"label": "%6$s:%4$s", "ref": "%4$s", "sha": "%5$s", "user": {"login": "%6$s", "id": 1}},
                 "base": {"label": "%6$s:%7$s", "ref": "%7$s", "sha": "1111111111111111111111111111111111111111", "user": {"login": "%6$s", "id": 1}},
                 "merged": false, "mergeable": true, "comments": 0, "commits": 1}
                """.formatted(full, number, api, head, headSha, owner, base);
        server.stubFor(get(urlPathEqualTo("/repos/" + full + "/pulls/" + number)).willReturn(okJson(pr)));
        String issue = "/repos/" + full + "/issues/" + number;
        server.stubFor(get(urlPathEqualTo(issue)).willReturn(okJson("""
                {"id": 1, "node_id": "MDU6SXNzdWUx", "url": "%3$s/repos/%1$s/issues/%2$d",
                 "html_url": "https://github.com/%1$s/pull/%2$d", "number": %2$d, "state": "open", "title": "PR",
                 "body": "body", "user": {"login": "agent-team[bot]", "id": 2}, "labels": [], "locked": false, "comments": 0,
                 "pull_request": {"url": "%3$s/repos/%1$s/pulls/%2$d", "html_url": "https://github.com/%1$s/pull/%2$d"},
                 "created_at": "2026-11-26T08:00:00Z", "updated_at": "2026-11-26T08:00:00Z"}
                """.formatted(full, number, api))));
        server.stubFor(post(urlPathEqualTo(issue + "/comments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody("""
                        {"id": 1, "node_id": "MDEyOklzc3VlQ29tbWVudDE=", "url": "%s%s/comments/1", "body": "ok",
                         "user": {"login": "agent-team[bot]", "id": 2, "type": "Bot"},
                         "created_at": "2026-11-26T08:00:00Z", "updated_at": "2026-11-26T08:00:00Z"}
                        """.formatted(api, issue))));
        server.stubFor(post(urlPathEqualTo(issue + "/labels")).willReturn(okJson("""
                [{"id": 208045946, "node_id": "MDU6TGFiZWwyMDgwNDU5NDY=", "url": "%s/repos/%s/labels/x",
                  "name": "x", "description": "", "color": "f29513", "default": false}]
                """.formatted(api, full))));
        server.stubFor(post(urlPathEqualTo("/repos/" + full + "/pulls/" + number + "/reviews")).willReturn(okJson("""
                {"id": 80, "node_id": "MDE3OlB1bGxSZXF1ZXN0UmV2aWV3ODA=", "user": {"login": "agent-team[bot]", "id": 2},
                 "body": "review", "state": "COMMENTED", "commit_id": "%s", "submitted_at": "2026-11-26T08:00:00Z"}
                """.formatted(headSha))));
        server.stubFor(post(urlPathMatching("/repos/" + full + "/statuses/[0-9a-f]{40}")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json; charset=utf-8").withBody("""
                        {"url": "%s/repos/%s/statuses/x", "id": 2, "node_id": "MDY6U3RhdHVzMg==", "state": "pending",
                         "description": "", "target_url": null, "context": "ci",
                         "created_at": "2026-11-26T08:00:00Z", "updated_at": "2026-11-26T08:00:00Z"}
                        """.formatted(api, full))));
    }
}
