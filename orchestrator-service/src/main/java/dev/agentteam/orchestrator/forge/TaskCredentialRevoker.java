package dev.agentteam.orchestrator.forge;

import dev.agentteam.orchestrator.task.TaskBlocked;
import dev.agentteam.orchestrator.task.TaskFailed;
import dev.agentteam.orchestrator.task.TaskSucceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Revokes a task's forge credentials once the task has ended (succeeded, failed for good, or blocked on a question),
 * after the transaction that recorded the end committed; a credential not revoked this way still expires on its own.
 */
@Component
class TaskCredentialRevoker {

    private static final Logger log = LoggerFactory.getLogger(TaskCredentialRevoker.class);

    private final RepositoryCredentials credentials;

    TaskCredentialRevoker(RepositoryCredentials credentials) {
        this.credentials = credentials;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(TaskSucceeded ended) {
        revoke(ended.taskId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(TaskFailed ended) {
        revoke(ended.taskId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
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
