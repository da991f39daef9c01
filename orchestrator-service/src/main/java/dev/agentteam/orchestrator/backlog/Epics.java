package dev.agentteam.orchestrator.backlog;

import dev.agentteam.common.audit.SecretRedactor;
import dev.agentteam.common.task.RefineEpic;
import dev.agentteam.common.task.TaskType;
import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.orchestrator.task.NewTask;
import dev.agentteam.orchestrator.task.Tasks;
import dev.agentteam.orchestrator.user.Users;
import jakarta.persistence.EntityManager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/** The backlog's epics: submitting one hands it to the PO agent for refinement into stories. */
@Service
@Transactional(readOnly = true)
public class Epics {

    static final String REFINE_TASK = "po.refine_epic";

    private final EpicRepository epics;
    private final Users users;
    private final Tasks tasks;
    private final JdbcTemplate jdbc;
    private final SecretRedactor redactor;
    private final EpicLifecycle lifecycle;
    private final EntityManager entities;

    Epics(EpicRepository epics, Users users, Tasks tasks, JdbcTemplate jdbc, SecretRedactor redactor,
          EpicLifecycle lifecycle, EntityManager entities) {
        this.epics = epics;
        this.users = users;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.redactor = redactor;
        this.lifecycle = lifecycle;
        this.entities = entities;
    }

    /**
     * Stores the epic (NEW), creates the {@code po.refine_epic} task and marks the epic REFINING, all in one
     * transaction: the task is queued only once this commits. Unknown owner or repository → 422. Secrets pasted into
     * the text (tokens, keys) are redacted before anything is stored, so no copy (epic, task payload, queue, prompt,
     * audit, stories) ever holds them.
     */
    @Transactional
    public EpicView submit(NewEpic command) {
        if (!users.exists(command.ownerId())) {
            throw ApiProblems.unprocessable("owner_id " + command.ownerId() + " is not a known user.");
        }
        if (command.repositoryId() != null && !repositoryExists(command.repositoryId())) {
            throw ApiProblems.unprocessable("repository_id " + command.repositoryId() + " is not a known repository.");
        }
        String title = redactor.redact(command.title());
        // a redaction marker can be longer than a short secret it replaces; the column holds 200 characters
        Epic epic = epics.saveAndFlush(new Epic(title.length() <= 200 ? title : title.substring(0, 200),
                redactor.redact(command.description()), command.ownerId(), command.repositoryId()));
        lifecycle.created(epic.id(), ChangedBy.user(command.ownerId(), "epic submitted"));
        var task = tasks.create(new NewTask(TaskType.PO_REFINE_EPIC, epic.id(), null, refinePayload(epic.view())));
        lifecycle.move(epic.id(), EpicStatus.REFINING, ChangedBy.task(task.id(), "refinement queued"));
        entities.refresh(epic);
        return epic.view();
    }

    /**
     * An epic whose stories come from elsewhere (an evaluation's benchmark task): stored and moved straight to REFINED
     * along its transition table, with its history, and no {@code po.refine_epic} task.
     */
    @Transactional
    public EpicView submitRefined(NewEpic command, String reason) {
        Epic epic = epics.saveAndFlush(new Epic(command.title(), redactor.redact(command.description()), command.ownerId(),
                command.repositoryId()));
        lifecycle.created(epic.id(), ChangedBy.user(command.ownerId(), reason));
        lifecycle.move(epic.id(), EpicStatus.REFINING, ChangedBy.system(reason));
        lifecycle.move(epic.id(), EpicStatus.REFINED, ChangedBy.system(reason));
        entities.refresh(epic);
        return epic.view();
    }

    public Optional<EpicView> find(long id) {
        return epics.findById(id).map(Epic::view);
    }

    /** Epics newest first, optionally only those in one status. */
    public Page<EpicView> list(EpicStatus status, Pageable pageable) {
        Page<Epic> page = status == null ? epics.findAll(pageable) : epics.findByStatus(status, pageable);
        return page.map(Epic::view);
    }

    private static RefineEpic refinePayload(EpicView epic) {
        return new RefineEpic(epic.id(), epic.title(), epic.description(), epic.ownerId(), epic.repositoryId());
    }

    // Repositories have no feature of their own yet; this read is the only place backlog looks at them.
    private boolean repositoryExists(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from repositories where id = ?)", Boolean.class, id));
    }
}
