package dev.agentteam.orchestrator.forge;

import dev.agentteam.orchestrator.task.TaskBlocked;
import dev.agentteam.orchestrator.task.TaskFailed;
import dev.agentteam.orchestrator.task.TaskSucceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * Revokes a task's forge credentials when the task ends (succeeded, failed for good, or blocked on a question), in
 * the transaction that records the end: both commit or neither does, so the revocation cannot be lost and needs no
 * event publication record (docs/adr/event-publication-registry.md); a credential not revoked still expires on its own.
 */
@Component
class TaskCredentialRevoker {

    private static final Logger log = LoggerFactory.getLogger(TaskCredentialRevoker.class);

    private final RepositoryCredentials credentials;

    TaskCredentialRevoker(RepositoryCredentials credentials) {
        this.credentials = credentials;
    }

    @EventListener
    void on(TaskSucceeded ended) {
        revoke(ended.taskId());
    }

    @EventListener
    void on(TaskFailed ended) {
        revoke(ended.taskId());
    }

    @EventListener
    void on(TaskBlocked ended) {
        revoke(ended.taskId());
    }

    private void revoke(long taskId) {
        int revoked = credentials.revokeForTask(taskId);
        if (revoked > 0) {
            log.debug("revoked {} forge credential(s) of ended task {}", revoked, taskId);
        }
    }
}
