package dev.agentteam.orchestrator.sprint;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface SprintRepository extends JpaRepository<Sprint, Long> {

    /** Which of these stories already sit in an open (PLANNED or ACTIVE) sprint, and in which. */
    @Query(value = """
            select ss.story_id as storyId, s.id as sprintId, s.name as sprintName
            from sprint_stories ss join sprints s on s.id = ss.sprint_id
            where s.status in ('PLANNED', 'ACTIVE') and ss.story_id in (:storyIds)
            order by ss.story_id""", nativeQuery = true)
    List<OpenSprintMembership> findOpenMemberships(Collection<Long> storyIds);

    /** Status changes lock the row, so two requests cannot both start or both close one sprint. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Sprint s where s.id = :id")
    Optional<Sprint> findByIdForUpdate(long id);

    Optional<Sprint> findFirstByStatus(SprintStatus status);

    Optional<Sprint> findByPlanTaskId(long taskId);

    Optional<Sprint> findByRetroTaskId(long taskId);

    interface OpenSprintMembership {
        Long getStoryId();

        Long getSprintId();

        String getSprintName();
    }
}
