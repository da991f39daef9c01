package dev.agentteam.orchestrator.retrieval;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words full-text search sees. Identifiers are kept whole and also split at camelCase, digits and
 * snake_case, so {@code parseHost}, {@code parse_host} and "parse host" find each other; PostgreSQL's english
 * configuration then stems them (parsing, parses → pars).
 */
final class Terms {

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_$]+");
    private static final Pattern PART = Pattern.compile("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+");
    static final int MAX_QUERY_TERMS = 32;

    private Terms() {
    }

    /** The text a chunk's tsvector is built from: every word, and the parts of the compound ones. */
    static String document(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 2);
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String token = word.group();
            out.append(token).append(' ');
            Set<String> parts = parts(token);
            if (parts.size() > 1) {
                parts.forEach(part -> out.append(part).append(' '));
            }
        }
        return out.toString();
    }

    /**
     * A {@code to_tsquery} expression that matches any of the question's words or identifier parts
     * ({@code 'parsehost' | 'parse' | 'host'}), or empty when it has none. Only [a-z0-9] reaches the query.
     */
    static String query(String question) {
        return join(words(question), " | ", "");
    }

    /** The same words, all required ({@code 'parsehost' & 'parse' & 'host'}), or empty. */
    static String all(String question) {
        return join(words(question), " & ", "");
    }

    /** Any of the words in a chunk's path or symbol (weight A: {@code 'parse':A | 'host':A}), or empty. */
    static String named(String question) {
        return join(words(question), " | ", ":A");
    }

    private static String join(Set<String> words, String operator, String suffix) {
        return String.join(operator, words.stream().map(t -> "'" + t + "'" + suffix).toList());
    }

    /** The question's words and identifier parts, lower case, [a-z0-9] only, at most {@link #MAX_QUERY_TERMS}. */
    static Set<String> words(String question) {
        Set<String> terms = new LinkedHashSet<>();
        Matcher word = WORD.matcher(question);
        while (word.find() && terms.size() < MAX_QUERY_TERMS) {
            // PostgreSQL's parser splits parse_host at the underscore itself: only its parts are in a chunk's terms
            String whole = word.group().toLowerCase(Locale.ROOT);
            if (whole.length() > 1 && whole.matches("[a-z0-9]+")) {
                terms.add(whole);
            }
            for (String part : parts(word.group())) {
                if (part.length() > 1 && terms.size() < MAX_QUERY_TERMS) {
                    terms.add(part);
                }
            }
        }
        return terms;
    }

    /** camelCase, PascalCase, ACRONYMWords, snake_case and digits as lower-case parts. */
    static Set<String> parts(String identifier) {
        Set<String> parts = new LinkedHashSet<>();
        for (String piece : identifier.split("[_$]+")) {
            Matcher part = PART.matcher(piece);
            while (part.find()) {
                parts.add(part.group().toLowerCase(Locale.ROOT));
            }
        }
        return parts;
    }
}
