package dev.agentteam.orchestrator.sprint;

import dev.agentteam.common.task.SprintText;
import dev.agentteam.common.task.TextCut;
import dev.agentteam.orchestrator.task.TaskSucceeded;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.task.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores the Scrum agent's texts: the planning narrative as {@code sprints.plan_rationale}, the retrospective
 * (with the metrics it was written from) as {@code sprints.retro}. Output that lacks the expected fields is logged
 * and ignored; the sprint then simply has no text (the task shows what the agent answered).
 */
@Component
class ScrumTaskResults {

    private static final Logger log = LoggerFactory.getLogger(ScrumTaskResults.class);
    private static final int MAX_TEXT = 20_000;
    private static final int MAX_ITEMS = 20;

    private final SprintRepository sprints;
    private final Tasks tasks;
    private final RetroActions retroActions;

    ScrumTaskResults(SprintRepository sprints, Tasks tasks, RetroActions retroActions) {
        this.sprints = sprints;
        this.tasks = tasks;
        this.retroActions = retroActions;
    }

    // The condition keeps other tasks' results out of the event publication registry (no row written and deleted).
    @TransactionalEventListener(condition = "#event.type() == '" + ScrumTaskTypes.PLAN_SPRINT + "' or #event.type() == '"
            + ScrumTaskTypes.WRITE_RETRO + "'")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(TaskSucceeded event) {
        if (ScrumTaskTypes.PLAN_SPRINT.equals(event.type())) {
            sprints.findByPlanTaskId(event.taskId()).ifPresentOrElse(sprint -> narrative(sprint, event),
                    () -> log.info("Planning narrative of task {} belongs to no sprint; ignored", event.taskId()));
        } else if (ScrumTaskTypes.WRITE_RETRO.equals(event.type())) {
            sprints.findByRetroTaskId(event.taskId()).ifPresentOrElse(sprint -> retro(sprint, event),
                    () -> log.info("Retrospective of task {} belongs to no sprint; ignored", event.taskId()));
        }
    }

    private void narrative(Sprint sprint, TaskSucceeded event) {
        SprintText.Planning planning = event.result(SprintText.Planning.class);
        String narrative = text(planning.narrative());
        if (narrative == null) {
            log.warn("Task {} succeeded without a narrative; sprint {} keeps no plan rationale", event.taskId(), sprint.id());
            return;
        }
        StringBuilder rationale = new StringBuilder(narrative);
        List<String> risks = texts(planning.risks());
        if (!risks.isEmpty()) {
            rationale.append("\n\nRisks:");
            risks.forEach(risk -> rationale.append("\n- ").append(risk));
        }
        sprint.rationale(rationale.toString());
        log.info("Sprint {}: planning narrative stored from task {}", sprint.id(), event.taskId());
    }

    private void retro(Sprint sprint, TaskSucceeded event) {
        SprintText.Retro output = event.result(SprintText.Retro.class);
        String summary = text(output.summary());
        if (summary == null) {
            log.warn("Task {} succeeded without a retrospective summary; sprint {} keeps no retro", event.taskId(), sprint.id());
            return;
        }
        Map<String, Object> retro = new LinkedHashMap<>();
        retro.put("summary", summary);
        retro.put("went_well", texts(output.wentWell()));
        retro.put("to_improve", texts(output.toImprove()));
        retro.put("actions", texts(output.actions()));
        retro.put("task_id", event.taskId());
        retro.put("written_at", Instant.now().toString());
        retro.put("metrics", tasks.find(event.taskId()).map(TaskView::payload).map(p -> p.get("metrics")).orElse(null));
        sprint.retro(SprintJson.write(retro));
        @SuppressWarnings("unchecked")
        int added = retroActions.raise(sprint.id(), event.taskId(), (List<String>) retro.get("actions"));
        log.info("Sprint {}: retrospective stored from task {}, {} new backlog action(s)", sprint.id(), event.taskId(), added);
    }

    // PostgreSQL text cannot hold NUL; model output is capped so one answer cannot bloat the sprint row.
    private static String text(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String clean = s.replace("\u0000", "").strip();
        return TextCut.head(clean, MAX_TEXT);
    }

    private static List<String> texts(List<String> items) {
        return items.stream().map(ScrumTaskResults::text).filter(t -> t != null).limit(MAX_ITEMS).toList();
    }
}
