package dev.agentteam.common.workspace;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Git checkouts per task and the limits of the agent's file tools.
 *
 * @param workRoot         where per-task checkouts live ({@code task-<id>} below it)
 * @param authorName       author and committer name of the agent's commits
 * @param authorEmail      author and committer e-mail of the agent's commits
 * @param networkTimeout   timeout of each clone, fetch or push
 * @param maxReadSize      largest file the tools read or search whole
 * @param maxWriteSize     largest content the tools write
 * @param maxListedFiles   files returned by one listing
 * @param maxSearchResults matching lines returned by one search
 */
@ConfigurationProperties("agentteam.workspace")
public record WorkspaceProperties(
        Path workRoot,
        String authorName,
        String authorEmail,
        Duration networkTimeout,
        DataSize maxReadSize,
        DataSize maxWriteSize,
        int maxListedFiles,
        int maxSearchResults) {

    public WorkspaceProperties {
        workRoot = workRoot != null ? workRoot : Path.of(System.getProperty("java.io.tmpdir"), "agent-team-workspaces");
        authorName = authorName != null && !authorName.isBlank() ? authorName : "agent-team dev agent";
        authorEmail = authorEmail != null && !authorEmail.isBlank() ? authorEmail : "dev-agent@agent-team.local";
        networkTimeout = networkTimeout != null ? networkTimeout : Duration.ofMinutes(2);
        maxReadSize = maxReadSize != null ? maxReadSize : DataSize.ofKilobytes(256);
        maxWriteSize = maxWriteSize != null ? maxWriteSize : DataSize.ofMegabytes(1);
        maxListedFiles = maxListedFiles > 0 ? maxListedFiles : 2000;
        maxSearchResults = maxSearchResults > 0 ? maxSearchResults : 200;
    }

    /** All defaults. */
    public static WorkspaceProperties defaults() {
        return new WorkspaceProperties(null, null, null, null, null, null, 0, 0);
    }
}
