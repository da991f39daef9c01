package dev.agentteam.orchestrator.task;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface TaskTransitionRepository extends JpaRepository<TaskTransitionEntity, Long> {

    List<TaskTransitionEntity> findByTaskIdOrderByAtAscIdAsc(Long taskId);

    long countByTaskId(Long taskId);
}
