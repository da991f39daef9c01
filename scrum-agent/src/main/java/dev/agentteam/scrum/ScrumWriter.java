package dev.agentteam.scrum;

import dev.agentteam.common.llm.InvalidModelOutputException;
import dev.agentteam.common.llm.LlmGateway;
import dev.agentteam.common.llm.ModelSession;
import dev.agentteam.common.llm.StructuredOutput;
import dev.agentteam.common.prompt.Prompt;
import dev.agentteam.common.prompt.PromptRegistry;
import dev.agentteam.common.prompt.UntrustedText;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.SprintBrief;
import dev.agentteam.common.task.SprintText;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskOutput;
import dev.agentteam.common.task.TaskPayloads;
import dev.agentteam.common.task.TokenUsage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asks the model (through the audited gateway, under the task's budget) for the text one Scrum task needs, as JSON
 * checked against the active scrum prompt's schema, narrowed to the kind of answer this task wants.
 */
class ScrumWriter {

    private final LlmGateway gateway;
    private final PromptRegistry prompts;
    private final StructuredOutput structured;
    private final ScrumBriefs briefs;
    private final ScrumAgentProperties settings;

    ScrumWriter(LlmGateway gateway, PromptRegistry prompts, StructuredOutput structured, ScrumAgentProperties settings) {
        this.gateway = gateway;
        this.prompts = prompts;
        this.structured = structured;
        this.briefs = new ScrumBriefs(settings);
        this.settings = settings;
    }

    /** The task's output, and what the model calls cost. */
    record Written(TaskOutput output, TokenUsage usage) {
    }

    Written write(ScrumTask task, TaskEnvelope envelope) {
        Prompt prompt = prompts.active(AgentRole.SCRUM);
        String sprintName;
        String brief;
        if (task == ScrumTask.PLAN_SPRINT) {
            SprintBrief.PlanSprint plan = TaskPayloads.read(envelope.payload(), SprintBrief.PlanSprint.class);
            sprintName = briefs.sprintName(plan.sprintId(), plan.sprintName());
            brief = briefs.planning(plan);
        } else {
            SprintBrief.WriteRetro retro = TaskPayloads.read(envelope.payload(), SprintBrief.WriteRetro.class);
            sprintName = briefs.sprintName(retro.sprintId(), retro.sprintName());
            brief = briefs.retro(retro);
        }
        String system = prompt.render(Map.of("project_name", UntrustedText.oneLine(settings.projectName(), 200),
                "sprint_name", sprintName));
        ModelSession session = gateway.open(envelope, prompt.id());
        JsonNode answer = structured.ask(session, List.of(SystemMessage.from(system), UserMessage.from(brief)),
                schemaFor(prompt.outputSchema(), task.kind()));
        String kind = answer.path("kind").asString("");
        if (!task.kind().equals(kind)) {
            throw new InvalidModelOutputException("answered kind '" + kind + "' to a " + task.type() + " task, expected '"
                    + task.kind() + "'");
        }
        return new Written(task == ScrumTask.PLAN_SPRINT ? planning(answer) : retro(answer), session.usage());
    }

    /** The branch of a oneOf schema whose {@code kind} is this one; the whole schema when it has no such branch. */
    static JsonNode schemaFor(JsonNode schema, String kind) {
        for (JsonNode branch : schema.path("oneOf")) {
            for (JsonNode allowed : branch.path("properties").path("kind").path("enum")) {
                if (kind.equals(allowed.asString(""))) {
                    return branch;
                }
            }
        }
        return schema;
    }

    private static SprintText.Planning planning(JsonNode answer) {
        return new SprintText.Planning(answer.path("narrative").asString(""), strings(answer.path("risks")));
    }

    // The prompt's schema spells wentWell/toImprove; the result record is snake_case on the wire like the rest.
    private static SprintText.Retro retro(JsonNode answer) {
        return new SprintText.Retro(answer.path("summary").asString(""), strings(answer.path("wentWell")),
                strings(answer.path("toImprove")), strings(answer.path("actions")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asString("")));
        return items;
    }
}
