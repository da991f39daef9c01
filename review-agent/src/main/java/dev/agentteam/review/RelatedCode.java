package dev.agentteam.review;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.agentteam.common.llm.ModelCallContext;
import dev.agentteam.common.retrieval.CodeChunk;
import dev.agentteam.common.retrieval.CodeRetrieval;
import dev.agentteam.common.retrieval.RagContext;
import dev.agentteam.common.retrieval.Retrieved;

/**
 * The code around a diff that the diff does not show: for each symbol it touches, the chunks of the default
 * branch's index that define or use it (one retrieval per symbol, each in the trajectory), within a token budget.
 */
final class RelatedCode {

    static final String NONE = "(no related code retrieved)";

    private final CodeRetrieval retrieval;
    private final ReviewAgentProperties properties;

    RelatedCode(CodeRetrieval retrieval, ReviewAgentProperties properties) {
        this.retrieval = retrieval;
        this.properties = properties;
    }

    String forDiff(ModelCallContext context, ReviewAssignment pr, PullRequestDiff diff) {
        if (pr.repositoryId() == null || diff.empty() || properties.contextTokens() == 0) {
            return NONE;
        }
        List<String> symbols = DiffSymbols.of(diff.text(), properties.contextSymbols());
        List<CodeChunk> chunks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String notice = null;
        for (String symbol : symbols) {
            Retrieved found = retrieval.search(context, "review_context", pr.repositoryId(), pr.target().cloneUrl(),
                    symbol, 3, null);
            notice = notice != null ? notice : found.notice();
            for (CodeChunk chunk : found.chunks()) {
                if (seen.add(chunk.path() + ":" + chunk.startLine())) {
                    chunks.add(chunk);
                }
            }
        }
        Retrieved all = new Retrieved(String.join(" ", symbols), chunks, notice, 0);
        String text = RagContext.render(all, properties.contextTokens(), code -> ReviewText.story(code, 4000), NONE, false);
        return symbols.isEmpty() ? NONE : "Symbols the diff touches: " + String.join(", ", symbols) + "\n" + text;
    }
}
