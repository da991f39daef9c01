package dev.agentteam.dev;

import dev.agentteam.common.llm.ModelCallContext;
import dev.agentteam.common.prompt.UntrustedText;
import dev.agentteam.common.retrieval.CodeChunk;
import dev.agentteam.common.retrieval.CodeRetrieval;
import dev.agentteam.common.retrieval.RagContext;
import dev.agentteam.common.retrieval.Retrieved;

/**
 * Retrieval for one task: the story's context for the prompt ({@code {{rag_context}}}) and the {@code search_code}
 * tool's semantic search, both over the orchestrator's index of the task's repository and both logged to the
 * task's trajectory.
 */
final class CodeSearchTool {

    static final String NONE = "(no code retrieved)";

    private final CodeRetrieval retrieval;
    private final ModelCallContext context;
    private final StoryAssignment.TargetRepository repository;
    private final DevAgentProperties properties;

    CodeSearchTool(CodeRetrieval retrieval, ModelCallContext context, StoryAssignment.TargetRepository repository,
                   DevAgentProperties properties) {
        this.retrieval = retrieval;
        this.context = context;
        this.repository = repository;
        this.properties = properties;
    }

    /** The chunks that best match the story, one per file, within the prompt's token budget. */
    String storyContext(StoryAssignment story) {
        return context((story.title() + "\n" + story.statement() + "\n" + String.join("\n", story.acceptanceCriteria())).strip());
    }

    /** The chunks that best match {@code query} (e.g. a review's comments), within the prompt's token budget. */
    String context(String query) {
        Retrieved found = search("rag_context", query, properties.ragResults(), null);
        return RagContext.render(found, properties.ragContextTokens(), text -> UntrustedText.clean(text, 4000), NONE);
    }

    /** The {@code search_code} tool's answer: each chunk's place and text, best first. */
    String answer(String query, String path) {
        Retrieved found = search("search_code", query, properties.searchResults(), path);
        if (found.chunks().isEmpty()) {
            return "no matches" + (found.notice() == null ? "" : " (" + found.notice() + ")");
        }
        StringBuilder text = new StringBuilder();
        for (CodeChunk chunk : found.chunks()) {
            text.append("--- ").append(chunk.location()).append(" ---\n").append(chunk.snippet()).append('\n');
        }
        if (found.notice() != null) {
            text.append('[').append(found.notice()).append("]\n");
        }
        return text.toString();
    }

    private Retrieved search(String purpose, String query, int k, String path) {
        if (repository.id() == null) {
            return Retrieved.unavailable(query, "the task names no repository id, so there is no index to search");
        }
        return retrieval.search(context, purpose, repository.id(), repository.cloneUrl(), query, k, path);
    }
}
