package dev.agentteam.orchestrator.sprint;

import dev.agentteam.common.task.SprintBrief;
import dev.agentteam.orchestrator.sprint.SprintPlan.PlannedStory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes (snake_case maps) of a computed plan: stored in {@code sprints.plan}, served by the API and sent
 * to the Scrum agent in the {@code scrum.plan_sprint} payload. Also reads them back.
 */
final class PlanPayloads {

    private PlanPayloads() {
    }

    static Map<String, Object> plan(SprintPlan plan) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("capacity_points", plan.capacityPoints());
        json.put("selected_points", plan.selectedPoints());
        json.put("selected", plan.selected().stream().map(PlanPayloads::story).toList());
        json.put("skipped", plan.skipped().stream().map(PlanPayloads::story).toList());
        return json;
    }

    /** The {@code scrum.plan_sprint} payload: the sprint and the plan computed for it. */
    static SprintBrief.PlanSprint narrativeTask(SprintSummary sprint, SprintPlan plan, Double velocity) {
        return new SprintBrief.PlanSprint(sprint.id(), sprint.name(), sprint.goal(), sprint.start().toString(),
                sprint.end().toString(), velocity, plan.capacityPoints(), plan.selectedPoints(), briefStories(plan.selected()),
                briefStories(plan.skipped()));
    }

    private static List<SprintBrief.SprintStory> briefStories(List<PlannedStory> stories) {
        return stories.stream().map(story -> new SprintBrief.SprintStory(story.storyId(), story.title(), null,
                story.priority(), story.estimate(), story.dependsOn(), story.reason())).toList();
    }

    static Map<String, Object> story(PlannedStory story) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("story_id", story.storyId());
        json.put("title", story.title());
        json.put("priority", story.priority());
        json.put("estimate", story.estimate());
        json.put("depends_on", story.dependsOn());
        json.put("reason", story.reason());
        return json;
    }

    static List<Map<String, Object>> stories(List<PlannedStory> stories) {
        return stories.stream().map(PlanPayloads::story).toList();
    }
}
