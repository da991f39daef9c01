package dev.agentteam.common.retrieval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Retrieved chunks as prompt text within a token budget: the best chunk of each file only (one file does not fill
 * the context with its neighbouring chunks), best first, each headed by its place, until the budget is spent.
 * Tokens are estimated at four characters each.
 */
public final class RagContext {

    static final int CHARS_PER_TOKEN = 4;

    private RagContext() {
    }

    /** The best chunk per file, in the order given (best first). */
    public static List<CodeChunk> onePerFile(List<CodeChunk> chunks) {
        Set<String> seen = new HashSet<>();
        List<CodeChunk> kept = new ArrayList<>();
        for (CodeChunk chunk : chunks) {
            if (seen.add(chunk.path())) {
                kept.add(chunk);
            }
        }
        return kept;
    }

    /**
     * @param clean what makes repository text safe to put into a prompt (it is data, never instructions)
     * @param none  the text when nothing was retrieved
     */
    public static String render(Retrieved retrieved, int tokenBudget, UnaryOperator<String> clean, String none) {
        return render(retrieved, tokenBudget, clean, none, true);
    }

    /** As {@link #render(Retrieved, int, UnaryOperator, String)}, keeping every chunk when {@code onePerFile} is false. */
    public static String render(Retrieved retrieved, int tokenBudget, UnaryOperator<String> clean, String none,
                                boolean onePerFile) {
        int budget = tokenBudget * CHARS_PER_TOKEN;
        StringBuilder text = new StringBuilder();
        for (CodeChunk chunk : onePerFile ? onePerFile(retrieved.chunks()) : retrieved.chunks()) {
            String block = "--- " + chunk.location() + " ---\n" + clean.apply(chunk.snippet()) + "\n";
            if (text.length() + block.length() > budget) {
                if (text.isEmpty()) {
                    text.append(block, 0, Math.max(0, budget));
                }
                break;
            }
            text.append(block);
        }
        if (text.isEmpty()) {
            return retrieved.notice() == null ? none : none + " (" + retrieved.notice() + ")";
        }
        if (retrieved.notice() != null) {
            text.append("[").append(retrieved.notice()).append("]\n");
        }
        return text.toString().stripTrailing();
    }
}
