package dev.agentteam.orchestrator.task;

import dev.agentteam.common.task.TaskState;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

interface TaskRepository extends JpaRepository<TaskEntity, Long> {

    List<TaskEntity> findByEpicIdOrderById(Long epicId);

    List<TaskEntity> findByStoryIdOrderById(Long storyId);

    /** QUEUED or RUNNING tasks of a role queued before {@code before}: candidates the reconciler checks against Redis. */
    List<TaskEntity> findByStatusInAndAssignedToAndQueuedAtBeforeOrderById(Collection<TaskState> statuses, String assignedTo,
                                                                           Instant before);

    /** FAILED tasks whose backoff has elapsed. */
    List<TaskEntity> findByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(TaskState status, Instant now, Limit limit);
}
