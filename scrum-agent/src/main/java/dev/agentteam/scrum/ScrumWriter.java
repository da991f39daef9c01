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
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskPayloads;
import dev.agentteam.common.task.TokenUsage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    record Written(Map<String, Object> output, TokenUsage usage) {
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

    private static Map<String, Object> planning(JsonNode answer) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("kind", "planning");
        output.put("narrative", answer.path("narrative").asString(""));
        output.put("risks", strings(answer.path("risks")));
        return output;
    }

    // The prompt's schema spells wentWell/toImprove; the orchestrator's contract is snake_case like the rest of the API.
    private static Map<String, Object> retro(JsonNode answer) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("kind", "retro");
        output.put("summary", answer.path("summary").asString(""));
        output.put("went_well", strings(answer.path("wentWell")));
        output.put("to_improve", strings(answer.path("toImprove")));
        output.put("actions", strings(answer.path("actions")));
        return output;
    }

    private static List<String> strings(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asString("")));
        return items;
    }
}
