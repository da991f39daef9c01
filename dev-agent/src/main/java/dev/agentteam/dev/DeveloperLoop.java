package dev.agentteam.dev;

import dev.agentteam.common.llm.ModelSession;
import dev.agentteam.common.prompt.Prompt;
import dev.agentteam.common.prompt.UntrustedText;
import dev.agentteam.common.workspace.WorkspaceFileException;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs the model's tool loop for one story through a LangChain4j AI service backed by the task's
 * {@link ModelSession} (so the gateway's budgets and audit apply to every call). Mistakes the model can fix
 * (a missing file, an edit that does not match, an unknown tool, bad arguments) go back to it as tool
 * results; a sandbox that cannot run and model errors end the loop.
 */
final class DeveloperLoop {

    private final DevAgentProperties properties;

    DeveloperLoop(DevAgentProperties properties) {
        this.properties = properties;
    }

    /** @return the model's closing text */
    String run(ModelSession session, Prompt prompt, Map<String, Object> variables, DevTools tools, String story) {
        String system = prompt.render(variables);
        Developer developer = AiServices.builder(Developer.class)
                .chatModel(session)
                .systemMessageProvider(memoryId -> system)
                .tools(tools)
                .maxSequentialToolsInvocations(properties.maxToolCalls())
                .hallucinatedToolNameStrategy(call -> ToolExecutionResultMessage.from(call,
                        "error: there is no tool '" + call.name() + "'; use one of list_files, read_file, search_code, grep_code, "
                                + "edit_file, write_file, run_tests, finish, clarify"))
                .toolArgumentsErrorHandler((error, context) -> ToolErrorHandlerResult.text(
                        "error: invalid arguments for " + context.toolExecutionRequest().name() + ": " + message(error)))
                .toolExecutionErrorHandler((error, context) -> {
                    Throwable cause = unwrap(error);
                    if (cause instanceof WorkspaceFileException || cause instanceof IllegalArgumentException) {
                        return ToolErrorHandlerResult.text("error: " + message(cause));
                    }
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(message(cause), cause);
                })
                .build();
        return developer.implement(story);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.lang.reflect.InvocationTargetException || t instanceof java.lang.reflect.UndeclaredThrowableException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String message(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    static String clarificationsText(StoryAssignment story) {
        return story.clarifications().stream()
                .map(qa -> "Q: " + UntrustedText.clean(qa.question(), 1000) + "\nA: " + UntrustedText.clean(qa.answer(), 2000))
                .collect(Collectors.joining("\n"));
    }
}
