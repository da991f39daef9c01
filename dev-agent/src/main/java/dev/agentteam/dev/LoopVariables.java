package dev.agentteam.dev;

import dev.agentteam.common.prompt.Prompt;
import dev.agentteam.common.prompt.UntrustedText;
import dev.agentteam.common.workspace.GitWorkspace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The dev prompt's variables, the same for a story and for a change round on its pull request. */
final class LoopVariables {

    private LoopVariables() {
    }

    /** @param ragContext the retrieved code for the prompt, asked for only when the prompt has a place for it */
    static Map<String, Object> of(Prompt prompt, StoryAssignment.TargetRepository repository, long storyId, String branch,
                                  GitWorkspace workspace, DevAgentProperties properties, Supplier<String> ragContext) {
        Map<String, Object> variables = new LinkedHashMap<>();
        if (prompt.placeholders().contains("rag_context")) {
            variables.put("rag_context", ragContext.get());
        }
        variables.put("repo_url", repository.cloneUrl());
        variables.put("issue_id", "ISSUE-" + storyId);
        variables.put("branch", branch);
        variables.put("test_command", repository.testCommand());
        variables.put("repository_files", UntrustedText.clean(
                String.join("\n", workspace.files().list("").files().stream().limit(properties.listedFiles()).toList()), 20_000));
        return variables;
    }
}
