package dev.agentteam.dev;

import dev.agentteam.common.codehost.CodeHost;
import dev.agentteam.common.codehost.RepositoryRef;
import dev.agentteam.common.workspace.RemoteRepository;

/** How the Dev agent reaches a task's repository: git remote (with its token) and the code host for the PR. */
interface RepositoryAccess {

    RemoteRepository remote(StoryAssignment.TargetRepository repository);

    CodeHost codeHost(StoryAssignment.TargetRepository repository);

    RepositoryRef ref(StoryAssignment.TargetRepository repository);
}
