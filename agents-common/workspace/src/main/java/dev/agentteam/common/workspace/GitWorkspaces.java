package dev.agentteam.common.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens per-task git checkouts under the work root: clones the first time, fetches when re-run. */
public class GitWorkspaces {

    private static final Logger log = LoggerFactory.getLogger(GitWorkspaces.class);
    /** GitHub (and most forges) take a token as the basic-auth password with any user name. */
    private static final String TOKEN_USER = "x-access-token";

    private final WorkspaceProperties properties;

    public GitWorkspaces(WorkspaceProperties properties) {
        this.properties = properties;
    }

    /** The checkout for {@code taskId}, cloned or brought up to date with the remote. */
    public GitWorkspace open(long taskId, RemoteRepository remote) {
        Path directory = properties.workRoot().resolve("task-" + taskId);
        CredentialsProvider credentials = remote.token() == null ? null
                : new UsernamePasswordCredentialsProvider(TOKEN_USER, remote.token());
        int timeout = (int) Math.max(1, properties.networkTimeout().toSeconds());
        try {
            Files.createDirectories(properties.workRoot());
            Git git = Files.isDirectory(directory.resolve(".git"))
                    ? reuse(directory, remote, credentials, timeout)
                    : clone(directory, remote, credentials, timeout);
            return new GitWorkspace(git, directory, remote, credentials, timeout, properties);
        } catch (GitAPIException | IOException | RuntimeException e) {
            Directories.deleteTree(directory);
            throw new WorkspaceException("could not check out " + remote.cloneUrl() + " for task " + taskId + ": "
                    + remote.redact(String.valueOf(e.getMessage())), e);
        }
    }

    private Git clone(Path directory, RemoteRepository remote, CredentialsProvider credentials, int timeout)
            throws GitAPIException {
        log.info("Cloning {} into {}", remote.cloneUrl(), directory);
        return Git.cloneRepository()
                .setURI(remote.cloneUrl())
                .setDirectory(directory.toFile())
                .setCredentialsProvider(credentials)
                .setTimeout(timeout)
                .call();
    }

    private Git reuse(Path directory, RemoteRepository remote, CredentialsProvider credentials, int timeout)
            throws IOException, GitAPIException {
        log.info("Fetching {} into existing {}", remote.cloneUrl(), directory);
        Git git = Git.open(directory.toFile());
        try {
            git.getRepository().getConfig().setString("remote", "origin", "url", remote.cloneUrl());
            git.getRepository().getConfig().save();
            git.fetch().setRemote("origin").setRemoveDeletedRefs(true)
                    .setCredentialsProvider(credentials).setTimeout(timeout).call();
            return git;
        } catch (IOException | GitAPIException | RuntimeException e) {
            git.close();
            throw e;
        }
    }
}
