package dev.agentteam.orchestrator.pullrequest;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Request and response bodies of the forge API (what {@code EmbeddedForgeCodeHost} sends and reads). */
final class ForgeApiRequests {

    static final String SHA = "[0-9a-f]{40}";
    static final String NO_NUL = "[^\\x00]*";
    static final String NUL_MESSAGE = "must not contain NUL (\\u0000) characters";

    private ForgeApiRequests() {
    }

    record ForgeRepository(String fullName, String owner, String name, String defaultBranch, String cloneUrl,
            String webUrl, boolean privateRepository) {
    }

    record ForgePull(long id, int number, String url, String title, String head, String headSha, String base,
            String state) {

        static ForgePull of(PullRequestView pr) {
            return new ForgePull(pr.id(), pr.number(), pr.url(), pr.title(), pr.head(), pr.headSha(), pr.base(),
                    pr.status().toLowerCase(java.util.Locale.ROOT));
        }
    }

    record CreateBranch(@NotBlank @Size(max = 200) String branch,
            @NotBlank @Pattern(regexp = SHA, message = "must be a 40-character lower-case hex commit id") String sha) {
    }

    record OpenPull(@NotBlank @Size(max = 200) String head, @NotBlank @Size(max = 200) String base,
            @NotBlank @Size(max = 300) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String title,
            @Size(max = 65_536) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String body, Boolean draft) {
    }

    record Comment(@NotBlank @Size(max = 65_536) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String body) {
    }

    /** {@code commit_id}: the commit the reviewer read (GitHub's name); a review of an older head is refused. */
    record Review(@Pattern(regexp = "[0-9a-f]{40}", message = "must be a full commit SHA") String commitId,
            @Size(max = 65_536) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String summary,
            @NotNull @Size(max = 100) List<@Valid Inline> comments) {
    }

    record Inline(@NotBlank @Size(max = 1000) String path, @Positive int line,
            @NotBlank @Size(max = 65_536) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String body) {
    }

    record Labels(@NotNull @Size(min = 1, max = 50) Set<@NotBlank @Size(max = 100) String> labels) {
    }

    record ReportStatus(@NotBlank @Size(max = 255) String context,
            @NotBlank @Pattern(regexp = "(?i)pending|success|failure|error", message = "must be pending, success, failure or error") String state,
            @Size(max = 1000) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String description,
            @Size(max = 2000) String targetUrl) {
    }

    record Status(String context, String state, String description, String targetUrl) {

        static Status of(PullRequestDetails.Status status) {
            return new Status(status.context(), status.state().toLowerCase(java.util.Locale.ROOT),
                    status.description(), status.targetUrl());
        }
    }
}
