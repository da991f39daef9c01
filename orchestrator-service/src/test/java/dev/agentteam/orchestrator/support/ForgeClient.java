package dev.agentteam.orchestrator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/** A git client over real HTTP for forge tests: clone, commit, push with a forge token. */
public final class ForgeClient {

    public static final String AGENT_TOKEN = "agent-token-one";
    public static final String ADMIN_TOKEN = "admin-token-for-tests";

    private static final PersonIdent TESTER = new PersonIdent("forge test", "forge-test@agent-team.local");

    private ForgeClient() {
    }

    public static Git cloneRepository(String cloneUrl, String token, Path directory) throws GitAPIException {
        return Git.cloneRepository().setURI(cloneUrl).setDirectory(directory.toFile())
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", token)).call();
    }

    /** Writes {@code content} to {@code path} in the working tree and commits it; returns the commit id. */
    public static String commitFile(Git git, String path, String content, String message) throws GitAPIException {
        try {
            Path file = git.getRepository().getWorkTree().toPath().resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git.add().addFilepattern(path).call();
        return git.commit().setMessage(message).setAuthor(TESTER).setCommitter(TESTER).call().getName();
    }

    /** Pushes {@code refSpec} (e.g. {@code HEAD:refs/heads/feature/ISSUE-1}); returns the ref update's status. */
    public static RemoteRefUpdate.Status push(Git git, String token, String refSpec) throws GitAPIException {
        Iterable<PushResult> results = git.push().setRemote("origin").setRefSpecs(new RefSpec(refSpec))
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", token)).call();
        RemoteRefUpdate.Status status = null;
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                status = update.getStatus();
            }
        }
        return status;
    }
}
