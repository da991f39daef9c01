package dev.agentteam.common.task;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of task types: every type the orchestrator may create, with the role whose agent handles it.
 * The orchestrator creates tasks only from this catalogue, and every agent app's smoke test proves that its
 * worker has a handler for each type of its role (docs/adr/task-handlers.md).
 */
public enum TaskType {
    PO_REFINE_EPIC("po.refine_epic", AgentRole.PO),
    SCRUM_PLAN_SPRINT("scrum.plan_sprint", AgentRole.SCRUM),
    SCRUM_WRITE_RETRO("scrum.write_retro", AgentRole.SCRUM),
    DEV_IMPLEMENT_STORY("dev.implement_story", AgentRole.DEV),
    DEV_ADDRESS_REVIEW("dev.address_review", AgentRole.DEV),
    DEV_FIX_REGRESSION("dev.fix_regression", AgentRole.DEV),
    QA_TRIAGE("qa.triage", AgentRole.QA),
    REVIEW_PR("review.review_pr", AgentRole.REVIEW),
    CICD_RUN_CI("cicd.run_ci", AgentRole.CICD),
    CICD_FOLLOW_CI("cicd.follow_ci", AgentRole.CICD),
    CICD_DEPLOY("cicd.deploy", AgentRole.CICD);

    private final String key;
    private final AgentRole role;

    TaskType(String key, AgentRole role) {
        this.key = key;
        this.role = role;
    }

    /** The wire name, {@code <role>.<action>}, as in envelopes and the {@code tasks.type} column. */
    public String key() {
        return key;
    }

    public AgentRole role() {
        return role;
    }

    public static Optional<TaskType> fromKey(String key) {
        return Arrays.stream(values()).filter(type -> type.key.equals(key)).findFirst();
    }

    /** The wire names of the types the agent of {@code role} must handle. */
    public static List<String> keysOf(AgentRole role) {
        return Arrays.stream(values()).filter(type -> type.role == role).map(TaskType::key).toList();
    }
}
