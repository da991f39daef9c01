package dev.agentteam.dev;

import dev.agentteam.common.llm.LlmGateway;
import dev.agentteam.common.prompt.PromptRegistry;
import dev.agentteam.common.retrieval.CodeRetrieval;
import dev.agentteam.common.sandbox.Sandbox;
import dev.agentteam.common.workspace.GitWorkspaces;

/** What every Dev agent handler works with: checkouts, the sandbox, the model, prompts, the forge, settings, retrieval. */
record DevKit(GitWorkspaces workspaces, Sandbox sandbox, LlmGateway gateway, PromptRegistry prompts, RepositoryAccess access,
              DevAgentProperties properties, CodeRetrieval retrieval) {
}
