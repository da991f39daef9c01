package dev.agentteam.scrum;

/** The task types of the Scrum agent and the kind of answer each asks of the model (the prompt's {@code kind}). */
enum ScrumTask {
    PLAN_SPRINT("scrum.plan_sprint", "planning"),
    WRITE_RETRO("scrum.write_retro", "retro");

    private final String type;
    private final String kind;

    ScrumTask(String type, String kind) {
        this.type = type;
        this.kind = kind;
    }

    String type() {
        return type;
    }

    String kind() {
        return kind;
    }
}
