package dev.agentteam.dev;

import dev.agentteam.common.codehost.CodeHost;
import dev.agentteam.common.codehost.RepositoryRef;
import dev.agentteam.common.workspace.RemoteRepository;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The application's one {@link CodeHost} (GitHub when {@code agentteam.codehost.provider=github}, else the
 * embedded forge client) and the configured git token for clone and push.
 */
final class ConfiguredRepositoryAccess implements RepositoryAccess {

    private final ObjectProvider<CodeHost> codeHost;
    private final DevAgentProperties properties;

    ConfiguredRepositoryAccess(ObjectProvider<CodeHost> codeHost, DevAgentProperties properties) {
        this.codeHost = codeHost;
        this.properties = properties;
    }

    @Override
    public RemoteRepository remote(StoryAssignment.TargetRepository repository) {
        return new RemoteRepository(repository.cloneUrl(), properties.gitToken());
    }

    @Override
    public CodeHost codeHost(StoryAssignment.TargetRepository repository) {
        CodeHost host = codeHost.getIfAvailable();
        if (host == null) {
            throw new IllegalStateException("no code host is configured for the dev agent (repository "
                    + repository.name() + ", forge " + repository.forge() + ")");
        }
        return host;
    }

    @Override
    public RepositoryRef ref(StoryAssignment.TargetRepository repository) {
        if (repository.fullName() != null) {
            return RepositoryRef.parse(repository.fullName());
        }
        if (repository.name() == null) {
            throw new IllegalArgumentException("payload repository needs full_name or name");
        }
        return new RepositoryRef("agentteam", repository.name());
    }
}
