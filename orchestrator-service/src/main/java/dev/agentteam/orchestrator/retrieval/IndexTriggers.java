package dev.agentteam.orchestrator.retrieval;

import java.util.Optional;

import dev.agentteam.orchestrator.forge.BranchPushed;
import dev.agentteam.orchestrator.forge.ForgeStorage;
import dev.agentteam.orchestrator.pullrequest.ForgeEvent;
import dev.agentteam.orchestrator.coderepository.ForgeType;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.coderepository.RepositoryRegistered;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import dev.agentteam.orchestrator.webhook.BranchPushReceived;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When the index of a repository is brought up to date: on registration, after a push to its default branch (the
 * embedded forge, or GitHub's push webhook) and after a pull request into it is merged. Each reaction runs after
 * the transaction that caused it committed, so the run sees what it reacts to.
 */
@Component
class IndexTriggers {

    private final IndexScheduler scheduler;
    private final Repositories repositories;
    private final ForgeStorage storage;

    IndexTriggers(IndexScheduler scheduler, Repositories repositories, ForgeStorage storage) {
        this.scheduler = scheduler;
        this.repositories = repositories;
        this.storage = storage;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RepositoryRegistered registered) {
        scheduler.request(registered.repositoryId(), "registered", false);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(BranchPushed push) {
        if (push.deleted()) {
            return;
        }
        repositories.findByName(push.repository())
                .filter(r -> r.forge() == ForgeType.EMBEDDED && r.defaultBranch().equals(push.branch()))
                .ifPresent(r -> scheduler.request(r.id(), "push " + shortSha(push.newSha()), false));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ForgeEvent.PullRequestMerged merged) {
        byFullName(merged.repo()).ifPresent(r -> scheduler.request(r.id(), "merge of #" + merged.number(), false));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(BranchPushReceived push) {
        byFullName(push.repo()).filter(r -> r.defaultBranch().equals(push.branch()))
                .ifPresent(r -> scheduler.request(r.id(), "push " + shortSha(push.after()), false));
    }

    private Optional<RepositoryView> byFullName(String fullName) {
        String embeddedPrefix = storage.owner() + "/";
        if (fullName != null && fullName.startsWith(embeddedPrefix)) {
            Optional<RepositoryView> embedded = repositories.findByName(fullName.substring(embeddedPrefix.length()))
                    .filter(r -> r.forge() == ForgeType.EMBEDDED);
            if (embedded.isPresent()) {
                return embedded;
            }
        }
        return repositories.list().stream().filter(r -> r.forge() == ForgeType.GITHUB && r.fullName().equals(fullName))
                .findFirst();
    }

    private static String shortSha(String sha) {
        return sha == null ? "" : sha.substring(0, Math.min(8, sha.length()));
    }
}
