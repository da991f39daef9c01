package dev.agentteam.orchestrator.clarification;

import dev.agentteam.orchestrator.task.TaskCancelled;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/** The questions of a cancelled task leave the inbox: nobody needs their answer any more. */
@Component
class CancelledTaskQuestions {

    private final JdbcClient jdbc;

    CancelledTaskQuestions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(TaskCancelled cancelled) {
        jdbc.sql("update clarifications set status = 'CANCELLED' where task_id = ? and status = 'OPEN'")
                .param(cancelled.taskId()).update();
    }
}
