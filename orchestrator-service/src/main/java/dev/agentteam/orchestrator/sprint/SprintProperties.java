package dev.agentteam.orchestrator.sprint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The Scrum cadence ({@code agentteam.sprint.*}).
 *
 * @param mode            SPRINT (the default) or CONTINUOUS ({@code AGENTTEAM_SPRINT_MODE})
 * @param autopilot       in SPRINT mode, the Scrum agent plans and starts the next sprint when none is open, pulls
 *                        newly READY stories into the active sprint while its capacity has room, and closes a sprint
 *                        whose stories are all DONE or CANCELLED ({@code AGENTTEAM_SPRINT_AUTOPILOT})
 * @param capacityPoints  the capacity of a sprint the autopilot plans ({@code AGENTTEAM_SPRINT_CAPACITY_POINTS})
 * @param lengthDays      the length of a sprint the autopilot plans, in days
 * @param sweepInterval   how often the autopilot looks again (besides reacting to stories becoming READY or DONE)
 */
@ConfigurationProperties("agentteam.sprint")
public record SprintProperties(
        @DefaultValue("SPRINT") SprintMode mode,
        @DefaultValue("true") boolean autopilot,
        @DefaultValue("20") int capacityPoints,
        @DefaultValue("14") int lengthDays,
        @DefaultValue("15s") Duration sweepInterval) {

    public boolean sprintMode() {
        return mode == SprintMode.SPRINT;
    }
}
