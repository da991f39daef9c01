package dev.agentteam.common.task;

/** A question of an earlier attempt and a person's answer, as the orchestrator merges them into a payload. */
public record Clarification(String question, String answer) {
}
