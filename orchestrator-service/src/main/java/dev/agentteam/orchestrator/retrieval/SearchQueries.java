package dev.agentteam.orchestrator.retrieval;

import java.util.Arrays;

import dev.agentteam.common.task.TextCut;
import dev.agentteam.orchestrator.api.ApiProblems;

/** The query parameters of a search, checked: every mistake is a 400 that says what is wrong and what is allowed. */
public final class SearchQueries {

    static final int DEFAULT_K = 10;
    private static final int MAX_PATH_CHARS = 500;

    private SearchQueries() {
    }

    public static SearchQuery parse(String q, Integer k, String path, String language, String mode, int maxChars, int maxK) {
        if (q == null || q.isBlank()) {
            throw ApiProblems.badRequest("q must not be empty: say what code you are looking for, in words or identifiers.");
        }
        String text = q.strip();
        if (text.length() > maxChars) {
            throw ApiProblems.badRequest("q is " + text.length() + " characters long; at most " + maxChars
                    + " are allowed. Ask about one thing at a time.");
        }
        int results = k == null ? DEFAULT_K : k;
        if (results < 1 || results > maxK) {
            throw ApiProblems.badRequest("k must be between 1 and " + maxK + ", was " + results + ".");
        }
        String prefix = path == null ? "" : path.strip();
        if (prefix.startsWith("/") || prefix.contains("..") || prefix.length() > MAX_PATH_CHARS || prefix.indexOf('\0') >= 0) {
            throw ApiProblems.badRequest("path must be a path prefix relative to the repository root (no leading '/', "
                    + "no '..', at most " + MAX_PATH_CHARS + " characters), was '" + abbreviate(prefix) + "'.");
        }
        Language lang = null;
        if (language != null && !language.isBlank()) {
            lang = Language.byKey(language).orElseThrow(() -> ApiProblems.badRequest("language '" + abbreviate(language)
                    + "' is not known; use one of " + Arrays.stream(Language.values()).map(Language::key).toList() + "."));
        }
        SearchMode searchMode = SearchMode.HYBRID;
        if (mode != null && !mode.isBlank()) {
            searchMode = SearchMode.byKey(mode).orElseThrow(() -> ApiProblems.badRequest("mode must be hybrid, vector "
                    + "or text, was '" + abbreviate(mode) + "'."));
        }
        if (text.indexOf('\0') >= 0) {
            throw ApiProblems.badRequest("q must not contain NUL (\\u0000) characters.");
        }
        return new SearchQuery(text, results, prefix, lang, searchMode);
    }

    private static String abbreviate(String value) {
        return TextCut.head(value, 60);
    }
}
