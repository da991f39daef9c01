package dev.agentteam.dev;

import dev.agentteam.common.codehost.CodeHost;
import dev.agentteam.common.codehost.CodeHosts;
import dev.agentteam.common.codehost.ForgeTarget;
import dev.agentteam.common.codehost.RepositoryRef;
import dev.agentteam.common.workspace.RemoteRepository;

/**
 * The code host of the task's repository as {@link CodeHosts} picks it (the embedded forge or GitHub, from the
 * payload's {@code forge}), with that host's token for clone and push (the task's forge credential or
 * {@code GITHUB_TOKEN}).
 */
final class ConfiguredRepositoryAccess implements RepositoryAccess {

    private final CodeHosts codeHosts;

    ConfiguredRepositoryAccess(CodeHosts codeHosts) {
        this.codeHosts = codeHosts;
    }

    @Override
    public RemoteRepository remote(StoryAssignment.TargetRepository repository) {
        return new RemoteRepository(repository.cloneUrl(), codeHosts.gitToken(target(repository)));
    }

    @Override
    public CodeHost codeHost(StoryAssignment.TargetRepository repository) {
        return codeHosts.forTarget(target(repository));
    }

    @Override
    public RepositoryRef ref(StoryAssignment.TargetRepository repository) {
        return target(repository).ref();
    }

    private static ForgeTarget target(StoryAssignment.TargetRepository repository) {
        return new ForgeTarget(repository.forge(), repository.fullName(), repository.cloneUrl());
    }
}
