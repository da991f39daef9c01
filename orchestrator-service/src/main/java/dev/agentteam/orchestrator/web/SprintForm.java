package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.sprint.PlanByCapacity;
import dev.agentteam.orchestrator.sprint.PlanSprint;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The sprints page's "plan a sprint" form. */
class SprintForm {

    @Size(max = 200, message = "Keep the name under 200 characters.")
    @Pattern(regexp = "[^\\x00]*", message = "The name contains a NUL character.")
    private String name = "";

    @Size(max = 2000, message = "Keep the goal under 2000 characters.")
    @Pattern(regexp = "[^\\x00]*", message = "The goal contains a NUL character.")
    private String goal = "";

    @NotNull(message = "Choose the first day of the sprint.")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate start;

    @NotNull(message = "Choose the last day of the sprint.")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate end;

    @Positive(message = "Capacity is a positive number of points.")
    private Integer capacityPoints;

    private List<Long> storyIds = new ArrayList<>();

    PlanByCapacity toCapacityCommand() {
        return new PlanByCapacity(name, goal == null || goal.isBlank() ? null : goal.strip(), start, end, capacityPoints);
    }

    PlanSprint toCommand() {
        return new PlanSprint(name, goal == null || goal.isBlank() ? null : goal.strip(), start, end, capacityPoints,
                storyIds == null ? List.of() : storyIds);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getGoal() {
        return goal;
    }

    public void setGoal(String goal) {
        this.goal = goal;
    }

    public LocalDate getStart() {
        return start;
    }

    public void setStart(LocalDate start) {
        this.start = start;
    }

    public LocalDate getEnd() {
        return end;
    }

    public void setEnd(LocalDate end) {
        this.end = end;
    }

    public Integer getCapacityPoints() {
        return capacityPoints;
    }

    public void setCapacityPoints(Integer capacityPoints) {
        this.capacityPoints = capacityPoints;
    }

    public List<Long> getStoryIds() {
        return storyIds;
    }

    public void setStoryIds(List<Long> storyIds) {
        this.storyIds = storyIds;
    }
}
