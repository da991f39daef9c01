package dev.agentteam.orchestrator.clarification;

import java.time.Instant;
import java.util.List;

/**
 * An agent's questions to a person, with the task that asked them; {@code answers} pairs each question with its
 * answer once ANSWERED (empty while OPEN).
 */
public record ClarificationView(long id, long taskId, String taskType, Long epicId, Long storyId, List<String> questions,
                                String context, ClarificationStatus status, Instant askedAt, List<Answer> answers,
                                Instant answeredAt, Long answeredBy) {

    public record Answer(String question, String answer) {
    }
}
