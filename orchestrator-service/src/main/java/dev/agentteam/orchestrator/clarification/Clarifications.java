package dev.agentteam.orchestrator.clarification;

import dev.agentteam.common.audit.SecretRedactor;
import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.task.Tasks;
import dev.agentteam.orchestrator.user.Users;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The clarification inbox: an agent's questions (stored by the task feature when a task is BLOCKED) and a person's
 * answers, which queue the task again with every answer so far in its payload.
 */
@Service
@Transactional(readOnly = true)
public class Clarifications {

    /** The payload field the agents read earlier questions and answers from: {@code [{question, answer}]}. */
    public static final String PAYLOAD_FIELD = "clarifications";

    private final ClarificationRepository clarifications;
    private final Tasks tasks;
    private final Users users;
    private final SecretRedactor redactor;
    private final ApplicationEventPublisher events;

    Clarifications(ClarificationRepository clarifications, Tasks tasks, Users users, SecretRedactor redactor,
                   ApplicationEventPublisher events) {
        this.clarifications = clarifications;
        this.tasks = tasks;
        this.users = users;
        this.redactor = redactor;
        this.events = events;
    }

    public Page<ClarificationView> list(ClarificationStatus status, Pageable pageable) {
        Page<Clarification> page = status == null ? clarifications.findAll(pageable)
                : clarifications.findByStatus(status, pageable);
        return page.map(c -> c.view(tasks.find(c.taskId()).orElse(null)));
    }

    public Optional<ClarificationView> find(long id) {
        return clarifications.findById(id).map(c -> c.view(tasks.find(c.taskId()).orElse(null)));
    }

    /**
     * Records the answers (one per question, in order; secrets redacted) and resumes the task with them. Unknown
     * clarification → 404; not OPEN, or its task no longer BLOCKED → 409; wrong count or a blank answer → 400;
     * an unknown {@code answeredBy} → 422.
     */
    @Transactional
    public ClarificationView answer(long id, List<String> answers, Long answeredBy) {
        Clarification clarification = clarifications.findById(id)
                .orElseThrow(() -> ApiProblems.notFound("clarification", id));
        if (clarification.status() != ClarificationStatus.OPEN) {
            throw ApiProblems.conflict("Clarification " + id + " is " + clarification.status() + "; only OPEN ones take answers.");
        }
        List<String> questions = clarification.questions();
        List<String> given = answers == null ? List.of() : answers;
        if (given.size() != questions.size()) {
            throw ApiProblems.badRequest("'answers' must have one answer per question: " + questions.size()
                    + " question(s), got " + given.size() + " answer(s).");
        }
        List<String> cleaned = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null || given.get(i).isBlank()) {
                throw ApiProblems.badRequest("'answers[" + i + "]' must not be blank.");
            }
            cleaned.add(redactor.redact(given.get(i).strip()));
        }
        if (answeredBy != null && !users.exists(answeredBy)) {
            throw ApiProblems.unprocessable("answered_by " + answeredBy + " is not a known user.");
        }
        TaskView task = tasks.find(clarification.taskId())
                .orElseThrow(() -> ApiProblems.conflict("The task of clarification " + id + " no longer exists."));
        clarification.answer(cleaned, answeredBy, Instant.now());
        TaskView resumed = tasks.resume(task.id(), Map.of(PAYLOAD_FIELD, allAnswers(task, questions, cleaned)));
        events.publishEvent(new ClarificationAnswered(id, task.id(), task.type(), task.epicId(), task.storyId()));
        return clarification.view(resumed);
    }

    /** Earlier rounds stay in the payload: the agent sees the whole conversation, not only the last answers. */
    private static List<Map<String, Object>> allAnswers(TaskView task, List<String> questions, List<String> answers) {
        List<Map<String, Object>> all = new ArrayList<>();
        if (task.payload().get(PAYLOAD_FIELD) instanceof List<?> earlier) {
            for (Object pair : earlier) {
                if (pair instanceof Map<?, ?> map) {
                    all.add(Map.of("question", String.valueOf(map.get("question")), "answer", String.valueOf(map.get("answer"))));
                }
            }
        }
        for (int i = 0; i < questions.size(); i++) {
            all.add(Map.of("question", questions.get(i), "answer", answers.get(i)));
        }
        return all;
    }
}
