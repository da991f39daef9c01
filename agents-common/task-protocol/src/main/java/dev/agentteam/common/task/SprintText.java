package dev.agentteam.common.task;

import java.util.List;

/**
 * The results of the Scrum agent's tasks: prose written from the numbers the orchestrator computed. The sprint keeps
 * no text when the prose is missing, so nothing here is required.
 */
public final class SprintText {

    private SprintText() {
    }

    /** {@code scrum.plan_sprint}: the planning narrative and the risks the model sees. */
    public record Planning(String kind, String narrative, List<String> risks) implements TaskOutput {

        public Planning {
            kind = kind == null ? "planning" : kind;
            risks = risks == null ? List.of() : List.copyOf(risks);
        }

        public Planning(String narrative, List<String> risks) {
            this("planning", narrative, risks);
        }
    }

    /** {@code scrum.write_retro}: the retrospective; its {@code actions} become backlog items. */
    public record Retro(String kind, String summary, List<String> wentWell, List<String> toImprove, List<String> actions)
            implements TaskOutput {

        public Retro {
            kind = kind == null ? "retro" : kind;
            wentWell = wentWell == null ? List.of() : List.copyOf(wentWell);
            toImprove = toImprove == null ? List.of() : List.copyOf(toImprove);
            actions = actions == null ? List.of() : List.copyOf(actions);
        }

        public Retro(String summary, List<String> wentWell, List<String> toImprove, List<String> actions) {
            this("retro", summary, wentWell, toImprove, actions);
        }
    }
}
