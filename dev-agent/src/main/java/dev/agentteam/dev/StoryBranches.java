package dev.agentteam.dev;

import dev.agentteam.common.workspace.GitWorkspace;
import dev.agentteam.common.workspace.WorkspaceException;
import java.io.IOException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;

/** What GitWorkspace does not say: whether the story branch is already on the remote (from an earlier run). */
final class StoryBranches {

    private StoryBranches() {
    }

    static boolean existsOnRemote(GitWorkspace workspace, String branch) {
        try (Git git = Git.open(workspace.directory().toFile())) {
            return git.getRepository().findRef(Constants.R_REMOTES + "origin/" + branch) != null;
        } catch (IOException e) {
            throw new WorkspaceException("could not read the refs of " + workspace.directory() + ": " + e.getMessage(), e);
        }
    }
}
