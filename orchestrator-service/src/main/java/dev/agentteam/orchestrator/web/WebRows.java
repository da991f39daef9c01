package dev.agentteam.orchestrator.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** The rows the pages list, read straight from the system of record by {@link WebQueries}. */
final class WebRows {

    private WebRows() {
    }

    /** A task still in flight (or waiting for someone), with the title of its story or epic. */
    record ActiveTask(long id, String type, String assignedTo, String status, int attemptCount, int maxAttempts,
                      Long storyId, Long epicId, String subject, Instant updatedAt) {
    }

    /** A sprint with the size of its stories: {@code storiesByStatus} has every story status that occurs. */
    record SprintRow(long id, String name, String goal, String status, LocalDate start, LocalDate end,
                     Integer capacityPoints, int stories, int points, int donePoints, Map<String, Integer> storiesByStatus) {

        public int percentDone() {
            return points == 0 ? 0 : Math.round(100f * donePoints / points);
        }
    }

    record PlannableStory(long id, String title, String epicTitle, Integer estimate, int priority) {
    }
}
