package dev.agentteam.dev;

import dev.agentteam.common.task.ImplementStory;
import dev.agentteam.common.task.InvalidPayloadException;
import dev.agentteam.common.task.RepositoryTarget;
import dev.agentteam.common.task.TaskPayloads;
import java.util.List;
import java.util.Map;

/**
 * The payload of {@code dev.implement_story} ({@link ImplementStory} on the wire), read and checked once:
 * <pre>
 * {"story": {"id": 12, "title": "…", "statement": "…", "acceptance_criteria": ["…" | {"given","when","then"}]},
 *  "repository": {"id": 3, "name": "demo", "clone_url": "http://…/git/demo.git", "forge": "embedded", "full_name": "…",
 *                 "default_branch": "main", "test_command": "python3 -m unittest discover -s tests"},
 *  "clarifications": [{"question": "…", "answer": "…"}]}
 * </pre>
 */
record StoryAssignment(long storyId, String title, String statement, List<String> acceptanceCriteria,
                       TargetRepository repository, List<Clarification> clarifications) {

    /** @param id the orchestrator's repository id (its code index), or null when the payload has none */
    record TargetRepository(Long id, String name, String cloneUrl, String forge, String fullName, String defaultBranch,
                            String testCommand) {

        /** @throws InvalidPayloadException when clone_url or test_command is missing */
        static TargetRepository of(RepositoryTarget repo) {
            TaskPayloads.required(repo, "repository").requireCheckout("repository");
            return new TargetRepository(repo.id(), blankToNull(repo.name()), repo.cloneUrl().strip(), repo.forgeOrDefault(),
                    blankToNull(repo.fullName()), blankToNull(repo.defaultBranch()), repo.testCommand().strip());
        }
    }

    record Clarification(String question, String answer) {
    }

    /** @throws InvalidPayloadException naming the first missing or malformed field */
    static StoryAssignment from(Map<String, Object> payload) {
        ImplementStory task = TaskPayloads.read(payload, ImplementStory.class);
        ImplementStory.Story story = task.story();
        if (story == null) {
            throw new InvalidPayloadException("payload needs a 'story' object");
        }
        if (task.repository() == null) {
            throw new InvalidPayloadException("payload needs a 'repository' object");
        }
        if (story.id() == null || story.id() < 1) {
            throw new InvalidPayloadException("payload story.id must be a positive number, was " + story.id());
        }
        TargetRepository repository = TargetRepository.of(task.repository());
        List<Clarification> answers = task.clarifications().stream().filter(qa -> qa != null && qa.answer() != null)
                .map(qa -> new Clarification(String.valueOf(qa.question()), qa.answer())).toList();
        return new StoryAssignment(story.id(), required(story.title(), "story.title"),
                story.statement() == null ? "" : story.statement().strip(), story.criteriaText(), repository, answers);
    }

    private static String required(String value, String name) {
        String text = blankToNull(value);
        if (text == null) {
            throw new InvalidPayloadException("payload " + name + " is missing or blank");
        }
        return text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
