package dev.agentteam.orchestrator.sprint;

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

    static Map<String, Object> narrativeTask(SprintSummary sprint, SprintPlan plan, Double velocity) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sprint_id", sprint.id());
        payload.put("sprint_name", sprint.name());
        payload.put("goal", sprint.goal());
        payload.put("start", sprint.start().toString());
        payload.put("end", sprint.end().toString());
        payload.put("velocity_points", velocity);
        payload.putAll(plan(plan));
        return withoutNulls(payload);
    }

    /** Task payloads hold no top-level nulls (an absent key says the same). */
    static Map<String, Object> withoutNulls(Map<String, Object> payload) {
        payload.values().removeIf(java.util.Objects::isNull);
        return payload;
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
