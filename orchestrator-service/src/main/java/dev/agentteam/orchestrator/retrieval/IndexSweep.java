package dev.agentteam.orchestrator.retrieval;

import java.io.IOException;
import java.util.Optional;

import dev.agentteam.orchestrator.forge.ForgeStorage;
import dev.agentteam.orchestrator.coderepository.ForgeType;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety net behind the event triggers: every sweep interval, a repository without an index state (registered
 * before retrieval existed) is queued, and an embedded repository whose default branch moved past what is indexed
 * (an event lost to a crash) is brought up to date. GitHub repositories are left to their push webhook and to
 * requests: checking them would cost a network round trip each.
 */
@Component
class IndexSweep {

    private static final Logger log = LoggerFactory.getLogger(IndexSweep.class);

    private final Repositories repositories;
    private final IndexStates states;
    private final IndexScheduler scheduler;
    private final ForgeStorage storage;
    private final RetrievalProperties properties;

    IndexSweep(Repositories repositories, IndexStates states, IndexScheduler scheduler, ForgeStorage storage,
               RetrievalProperties properties) {
        this.repositories = repositories;
        this.states = states;
        this.scheduler = scheduler;
        this.storage = storage;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${agentteam.retrieval.sweep-interval:60s}",
            fixedDelayString = "${agentteam.retrieval.sweep-interval:60s}")
    void sweep() {
        if (!properties.enabled()) {
            return;
        }
        // requests whose run was lost (the model was unavailable at start-up, a run thrown out by a restart)
        states.pending().forEach(scheduler::submit);
        for (RepositoryView repository : repositories.list()) {
            try {
                check(repository);
            } catch (RuntimeException e) {
                log.warn("Index sweep of {} failed: {}", repository.name(), e.toString());
            }
        }
    }

    private void check(RepositoryView repository) {
        Optional<IndexStates.Row> state = states.find(repository.id());
        if (state.isEmpty()) {
            scheduler.request(repository.id(), "registered", false);
            return;
        }
        IndexStates.Row row = state.get();
        if (repository.forge() != ForgeType.EMBEDDED || !"IDLE".equals(row.status()) && !"FAILED".equals(row.status())) {
            return;
        }
        String head = head(repository);
        boolean moved = head != null && !head.equals(row.indexedCommit());
        boolean failedOnThisHead = "FAILED".equals(row.status()) && head != null && head.equals(row.targetCommit());
        if (moved && !failedOnThisHead) {
            scheduler.request(repository.id(), "sweep: " + head.substring(0, 8), false);
        }
    }

    private String head(RepositoryView repository) {
        Optional<Repository> git = storage.open(repository.name());
        if (git.isEmpty()) {
            return null;
        }
        try (Repository repo = git.get()) {
            ObjectId id = repo.resolve(Constants.R_HEADS + repository.defaultBranch());
            return id == null ? null : id.name();
        } catch (IOException e) {
            return null;
        }
    }
}
