package dev.agentteam.orchestrator.delivery;

import dev.agentteam.common.codehost.CodeHost;
import dev.agentteam.common.codehost.CodeHostException;
import dev.agentteam.common.codehost.CommitCheck;
import dev.agentteam.common.codehost.InlineComment;
import dev.agentteam.common.codehost.MergeMethod;
import dev.agentteam.common.codehost.NewPullRequest;
import dev.agentteam.common.codehost.PullRequest;
import dev.agentteam.common.codehost.RepositoryInfo;
import dev.agentteam.common.codehost.RepositoryRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-in for the embedded forge's pull-request API until it is merged (branch {@code forge}): keeps the pull
 * requests the Dev agent opens, one per head, so tests can read title, body and head. Git itself is the real forge.
 */
final class RecordingCodeHost implements CodeHost {

    final Map<String, NewPullRequest> opened = new ConcurrentHashMap<>();
    final Map<String, PullRequest> open = new ConcurrentHashMap<>();
    final AtomicInteger openCalls = new AtomicInteger();
    private final AtomicInteger numbers = new AtomicInteger();

    @Override
    public RepositoryInfo repository(RepositoryRef repository) {
        throw new CodeHostException("not used by the dev agent", 0);
    }

    @Override
    public void createBranch(RepositoryRef repository, String branch, String sha) {
        throw new CodeHostException("not used by the dev agent", 0);
    }

    @Override
    public Optional<PullRequest> findOpenPullRequest(RepositoryRef repository, String head) {
        return Optional.ofNullable(open.get(repository.fullName() + ":" + head));
    }

    @Override
    public PullRequest openPullRequest(RepositoryRef repository, NewPullRequest request) {
        openCalls.incrementAndGet();
        return open.computeIfAbsent(repository.fullName() + ":" + request.head(), key -> {
            opened.put(key, request);
            int number = numbers.incrementAndGet();
            return new PullRequest(number, "http://forge.test/" + repository.fullName() + "/pulls/" + number,
                    request.title(), request.head(), null, request.base(), true);
        });
    }

    @Override
    public void comment(RepositoryRef repository, int number, String body) {
    }

    @Override
    public void reviewComments(RepositoryRef repository, int number, String summary, List<InlineComment> comments) {
    }

    @Override
    public void addLabels(RepositoryRef repository, int number, Set<String> labels) {
    }

    @Override
    public List<CommitCheck> commitStatuses(RepositoryRef repository, String sha) {
        return List.of();
    }

    @Override
    public List<CommitCheck> checkRuns(RepositoryRef repository, String sha) {
        return List.of();
    }

    @Override
    public void merge(RepositoryRef repository, int number, String expectedHeadSha, MergeMethod method) {
        throw new CodeHostException("agents never merge", 403);
    }
}
