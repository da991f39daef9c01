package dev.agentteam.po;

import dev.agentteam.common.llm.LlmException;
import dev.agentteam.common.llm.LlmGateway;
import dev.agentteam.common.llm.ModelSession;
import dev.agentteam.common.llm.StructuredOutput;
import dev.agentteam.common.prompt.Prompt;
import dev.agentteam.common.prompt.PromptRegistry;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.RefineEpic;
import dev.agentteam.common.task.RefinedStories;
import dev.agentteam.common.task.TaskEnvelope;
import dev.agentteam.common.task.TaskPayloads;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.worker.TaskFailure;
import dev.agentteam.common.worker.TaskHandler;
import dev.agentteam.common.worker.WorkerContext;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code po.refine_epic}: turns an epic into stories with Given/When/Then acceptance criteria, or asks a person
 * up to five questions when the epic is too vague. One model call, plus at most one schema repair (the gateway's
 * {@link StructuredOutput}) and at most one revision when the stories break {@link StoryRules}; every call is
 * audited by the gateway's session.
 *
 * <p>Outcomes: stories → SUCCEEDED with {@code output.stories} in the backlog's format; questions → CLARIFY;
 * model unavailable (429/5xx/timeouts after the gateway's retries) → FAILED and retryable; budget spent, output
 * invalid after the repair, or stories unusable after the revision → FAILED, not retryable.
 */
public class PoTaskHandler implements TaskHandler {

    public static final String TYPE = "po.refine_epic";

    private static final Logger log = LoggerFactory.getLogger(PoTaskHandler.class);
    private static final String REVISION = Templates.load("revision-request.md");

    private final LlmGateway gateway;
    private final StructuredOutput structuredOutput;
    private final PromptRegistry prompts;
    private final EpicMessage epicMessage;
    private final StoryRules rules;
    private final PoAgentProperties settings;

    PoTaskHandler(LlmGateway gateway, StructuredOutput structuredOutput, PromptRegistry prompts, EpicMessage epicMessage,
                  StoryRules rules, PoAgentProperties settings) {
        this.gateway = gateway;
        this.structuredOutput = structuredOutput;
        this.prompts = prompts;
        this.epicMessage = epicMessage;
        this.rules = rules;
        this.settings = settings;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public TaskResult handle(TaskEnvelope task, WorkerContext context) {
        RefineEpic epic = TaskPayloads.read(task.payload(), RefineEpic.class);
        Prompt prompt = prompts.active(AgentRole.PO);
        ModelSession session = gateway.open(task, prompt.id());
        List<ChatMessage> messages = new ArrayList<>(List.of(
                SystemMessage.from(prompt.render(variables(prompt, epic))),
                UserMessage.from(epicMessage.render(epic))));
        try {
            JsonNode answer = structuredOutput.ask(session, messages, prompt.outputSchema());
            if (answer.has("clarify")) {
                return clarify(task, context, answer, session);
            }
            List<StoryDraft> stories = rules.read(answer.get("stories"));
            List<String> problems = rules.problems(stories);
            if (!problems.isEmpty()) {
                context.progress("asking the model once to revise: " + String.join("; ", problems));
                messages.add(AiMessage.from(answer.toString()));
                messages.add(UserMessage.from(revisionRequest(problems)));
                JsonNode revised = structuredOutput.ask(session, messages, prompt.outputSchema());
                if (revised.has("clarify")) {
                    return clarify(task, context, revised, session);
                }
                stories = rules.read(revised.get("stories"));
            }
            List<StoryDraft> settled = rules.settle(stories);
            context.progress("refined epic " + epic.epicId() + " into " + settled.size() + " stories");
            return TaskResult.succeeded(task, context.workerId(), output(settled, prompt), session.usage());
        } catch (LlmException e) {
            // caught only to report the tokens the attempt spent; the worker's one rule classifies it
            log.warn("po.refine_epic task {} attempt {}: {}", task.taskId(), task.attempt(), e.getMessage());
            return TaskFailure.of(e).toResult(task, context.workerId(), session.usage());
        } catch (UnusableStoriesException e) {
            return TaskResult.failed(task, context.workerId(), e.getMessage(), false, session.usage());
        }
    }

    private TaskResult clarify(TaskEnvelope task, WorkerContext context, JsonNode answer, ModelSession session) {
        Set<String> questions = new LinkedHashSet<>();
        for (JsonNode q : answer.get("clarify")) {
            String text = q.asString().strip();
            if (!text.isEmpty() && questions.size() < TaskResult.MAX_QUESTIONS) {
                questions.add(text);
            }
        }
        if (questions.isEmpty()) {
            return TaskResult.failed(task, context.workerId(), "the model asked for clarification without a question",
                    false, session.usage());
        }
        context.progress("the epic is too vague: " + questions.size() + " question(s) for a person");
        return TaskResult.clarify(task, context.workerId(), List.copyOf(questions), session.usage());
    }

    /** The values this handler knows; only those the active prompt version uses are passed (render refuses extras). */
    private Map<String, Object> variables(Prompt prompt, RefineEpic epic) {
        Map<String, Object> known = new LinkedHashMap<>();
        known.put("project_name", settings.projectName());
        known.put("existing_stories", existingStories(epic.existingStories()));
        known.put("split_threshold", settings.splitThreshold());
        known.put("max_stories", settings.maxStories());
        known.keySet().retainAll(prompt.placeholders());
        return known;
    }

    private List<String> existingStories(List<RefineEpic.ExistingStory> stories) {
        return stories.stream().filter(story -> story != null && story.title() != null && !story.title().isBlank())
                .map(story -> epicMessage.clean(story.title(), 200)).toList();
    }

    private String revisionRequest(List<String> problems) {
        return Templates.fill(REVISION, Map.of("problems", "- " + String.join("\n- ", problems),
                "split_threshold", String.valueOf(settings.splitThreshold()),
                "max_stories", String.valueOf(settings.maxStories())));
    }

    private static RefinedStories output(List<StoryDraft> stories, Prompt prompt) {
        return new RefinedStories(stories.stream().map(StoryDraft::toResult).toList(), prompt.id());
    }
}
