package dev.agentteam.orchestrator.backlog;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

interface StoryRepository extends JpaRepository<Story, Long> {

    List<Story> findByEpicIdInOrderByPriorityAscIdAsc(Collection<Long> epicIds);

    List<Story> findByIdInOrderByIdAsc(Collection<Long> ids);

    boolean existsBySourceTaskId(long sourceTaskId);
}
