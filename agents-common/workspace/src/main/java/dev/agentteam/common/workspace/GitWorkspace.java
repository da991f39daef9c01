package dev.agentteam.common.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jgit.api.CreateBranchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * One task's git checkout: story branch, commit, push (never forced). Closing it deletes the directory.
 * Not thread-safe; one task uses it at a time.
 */
public final class GitWorkspace implements AutoCloseable {

    private static final String ORIGIN = "origin";

    private final Git git;
    private final Path directory;
    private final RemoteRepository remote;
    private final CredentialsProvider credentials;
    private final int timeoutSeconds;
    private final WorkspaceProperties properties;
    private final String defaultBranch;

    GitWorkspace(Git git, Path directory, RemoteRepository remote, CredentialsProvider credentials,
            int timeoutSeconds, WorkspaceProperties properties) throws GitAPIException {
        this.git = git;
        this.directory = directory;
        this.remote = remote;
        this.credentials = credentials;
        this.timeoutSeconds = timeoutSeconds;
        this.properties = properties;
        this.defaultBranch = remoteDefaultBranch();
    }

    public Path directory() {
        return directory;
    }

    /** The remote's default branch (where its HEAD points). */
    public String defaultBranch() {
        return defaultBranch;
    }

    /** The agent's confined file tools on this checkout. */
    public WorkspaceFiles files() {
        return new WorkspaceFiles(directory, properties);
    }

    public static String storyBranch(long storyId) {
        return "feature/ISSUE-" + storyId;
    }

    /**
     * Checks out {@code feature/ISSUE-<storyId>}: the remote branch when it exists (a re-run continues
     * there), otherwise a new branch from the default branch. Leftovers of an earlier run are discarded.
     */
    public String checkoutStoryBranch(long storyId) {
        return checkoutBranch(storyBranch(storyId));
    }

    /**
     * Checks out {@code branch}: the remote branch when it exists (e.g. a pull request's head for a change round),
     * otherwise a new branch from the default branch. Leftovers of an earlier run are discarded.
     */
    public String checkoutBranch(String branch) {
        try {
            String start = remoteBranchExists(branch) ? ORIGIN + "/" + branch : ORIGIN + "/" + defaultBranch;
            boolean remoteEmpty = git.getRepository().findRef(Constants.R_REMOTES + start) == null;
            boolean localExists = git.getRepository().findRef(Constants.R_HEADS + branch) != null;
            if (remoteEmpty) {
                git.checkout().setOrphan(!localExists).setName(branch).call();
                return branch;
            }
            git.checkout().setName(branch).setCreateBranch(!localExists).setStartPoint(start)
                    .setUpstreamMode(CreateBranchCommand.SetupUpstreamMode.NOTRACK).call();
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(start).call();
            git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
            return branch;
        } catch (GitAPIException | IOException e) {
            throw failure("could not check out " + branch, e);
        }
    }

    /**
     * Checks out {@code sha} (detached; e.g. a pull request's head for CI or review), discarding leftovers of an
     * earlier run. The commit must have been fetched (it is on a branch of the remote).
     */
    public void checkoutCommit(String sha) {
        try {
            ObjectId commit = git.getRepository().resolve(sha + "^{commit}");
            if (commit == null) {
                throw new WorkspaceException("commit " + sha + " is not on any branch of " + remote.redact(remote.cloneUrl()));
            }
            git.reset().setMode(ResetCommand.ResetType.HARD).call();
            git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
            git.checkout().setName(commit.getName()).call();
        } catch (GitAPIException | IOException e) {
            throw failure("could not check out " + sha, e);
        }
    }

    /**
     * Commits every change (new, modified, deleted files) as {@code [ISSUE-<id>] <title>} by the configured
     * author. Empty when there was nothing to commit. Repository hooks are not run.
     */
    public Optional<String> commitAll(long storyId, String title) {
        String subject = title == null ? "" : title.replaceAll("\\s+", " ").strip();
        return commitAll("[ISSUE-" + storyId + "] " + subject);
    }

    /** Commits every change with {@code message} by the configured author; empty when there was nothing to commit. */
    public Optional<String> commitAll(String message) {
        try {
            if (git.status().call().isClean()) {
                return Optional.empty();
            }
            git.add().addFilepattern(".").setAll(true).call();
            PersonIdent agent = new PersonIdent(properties.authorName(), properties.authorEmail());
            RevCommit commit = git.commit()
                    .setMessage(message)
                    .setAuthor(agent)
                    .setCommitter(agent)
                    .setAll(true)
                    .setNoVerify(true)
                    .setSign(false)
                    .call();
            return Optional.of(commit.getName());
        } catch (GitAPIException e) {
            throw failure("could not commit", e);
        }
    }

    /** Pushes the current branch to the same name on the remote (never forced) and returns the head SHA. */
    public String push() {
        try {
            String branch = git.getRepository().getBranch();
            String ref = Constants.R_HEADS + branch;
            Iterable<PushResult> results = git.push().setRemote(ORIGIN)
                    .setRefSpecs(new RefSpec(ref + ":" + ref))
                    .setForce(false)
                    .setCredentialsProvider(credentials)
                    .setTimeout(timeoutSeconds)
                    .call();
            for (PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (update.getStatus() != RemoteRefUpdate.Status.OK
                            && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        throw new WorkspaceException("push of " + branch + " to " + remote.cloneUrl() + " refused: "
                                + update.getStatus() + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
                    }
                }
            }
            return headSha();
        } catch (GitAPIException | IOException e) {
            throw failure("could not push", e);
        }
    }

    /**
     * The newest of the last {@code depth} commits of the current branch whose message has {@code line} as a line of
     * its own (e.g. a trailer naming the task that made it), so a re-run can see its own earlier push.
     */
    public Optional<String> findCommitWithLine(String line, int depth) {
        try {
            ObjectId head = git.getRepository().resolve(Constants.HEAD);
            if (head == null) {
                return Optional.empty();
            }
            for (RevCommit commit : git.log().add(head).setMaxCount(depth).call()) {
                if (commit.getFullMessage().lines().anyMatch(l -> l.strip().equals(line))) {
                    return Optional.of(commit.getName());
                }
            }
            return Optional.empty();
        } catch (GitAPIException | IOException e) {
            throw failure("could not read the log", e);
        }
    }

    public String headSha() {
        try {
            ObjectId head = git.getRepository().resolve(Constants.HEAD);
            if (head == null) {
                throw new WorkspaceException("no commit on the current branch yet");
            }
            return head.getName();
        } catch (IOException e) {
            throw failure("could not read HEAD", e);
        }
    }

    public String currentBranch() {
        try {
            return git.getRepository().getBranch();
        } catch (IOException e) {
            throw failure("could not read the current branch", e);
        }
    }

    /** Deletes the checkout. */
    @Override
    public void close() {
        git.close();
        Directories.deleteTree(directory);
    }

    private boolean remoteBranchExists(String branch) throws IOException {
        return git.getRepository().findRef(Constants.R_REMOTES + ORIGIN + "/" + branch) != null;
    }

    private String remoteDefaultBranch() throws GitAPIException {
        Map<String, Ref> refs = git.lsRemote().setRemote(ORIGIN).setCredentialsProvider(credentials)
                .setTimeout(timeoutSeconds).callAsMap();
        Ref head = refs.get(Constants.HEAD);
        if (head != null && head.isSymbolic()) {
            return Repository.shortenRefName(head.getTarget().getName());
        }
        if (head != null) {
            for (Ref ref : refs.values()) {
                if (ref.getName().startsWith(Constants.R_HEADS) && head.getObjectId().equals(ref.getObjectId())) {
                    return Repository.shortenRefName(ref.getName());
                }
            }
        }
        return "main";
    }

    private WorkspaceException failure(String what, Exception e) {
        return new WorkspaceException(what + " in " + directory + ": " + remote.redact(String.valueOf(e.getMessage())), e);
    }
}
