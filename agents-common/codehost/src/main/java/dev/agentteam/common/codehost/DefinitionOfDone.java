package dev.agentteam.common.codehost;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ticks a pull request body's Definition-of-Done boxes from what CI established, and only from that: the tests
 * box from the CI run, the lint, coverage and security boxes from the repository's quality checks (each says
 * "not configured" when the repository has none). A box is ticked only when its check passed on the head commit.
 * Rewriting again with newer results replaces the earlier ones; lines the body does not have are left alone.
 */
public final class DefinitionOfDone {

    /** The item indexes of {@link PullRequestLanguage#definitionOfDone} by check name. */
    private static final Map<String, Integer> ITEMS = Map.of("tests", 0, "lint", 1, "coverage", 2, "security", 4);

    /**
     * One check's outcome on the head commit.
     *
     * @param command   the command that ran; null when the repository does not configure the check
     * @param percent   coverage measured (coverage only)
     * @param threshold coverage required (coverage only; null: none)
     */
    public record Check(String command, boolean passed, Double percent, Double threshold) {

        public static Check notConfigured() {
            return new Check(null, false, null, null);
        }
    }

    private DefinitionOfDone() {
    }

    /** {@code body} with its tests, lint, coverage and security boxes set from {@code checks} (by check name). */
    public static String tick(String body, Map<String, Check> checks) {
        if (body == null) {
            return null;
        }
        PullRequestLanguage language = languageOf(body);
        String result = body;
        for (Map.Entry<String, Check> entry : checks.entrySet()) {
            Integer index = ITEMS.get(entry.getKey());
            if (index != null) {
                result = tick(result, language, language.doneItem(index), entry.getValue());
            }
        }
        return result;
    }

    /** The language of the body's checklist (some items read the same in both; the tests and coverage ones do not). */
    private static PullRequestLanguage languageOf(String body) {
        for (PullRequestLanguage language : PullRequestLanguage.values()) {
            if (body.contains("] " + language.doneItem(0)) || body.contains("] " + language.doneItem(2))) {
                return language;
            }
        }
        return PullRequestLanguage.of(body);
    }

    private static String tick(String body, PullRequestLanguage language, String item, Check check) {
        Pattern line = Pattern.compile("(?m)^(\\s*[-*] )\\[[ xX]] " + Pattern.quote(item) + "(?: — .*)?$");
        Matcher matcher = line.matcher(body);
        return matcher.replaceAll(found -> Matcher.quoteReplacement(found.group(1) + "[" + (check.passed() ? "x" : " ")
                + "] " + item + " — " + detail(language, check)));
    }

    private static String detail(PullRequestLanguage language, Check check) {
        boolean es = language == PullRequestLanguage.ES;
        if (check.command() == null) {
            return es ? "no configurado" : "not configured";
        }
        String verdict = check.passed() ? "OK" : (es ? "falla" : "failed");
        if (check.percent() != null) {
            String minimum = check.threshold() == null ? ""
                    : " (" + (es ? "mínimo " : "minimum ") + percent(check.threshold()) + ")";
            return verdict + ": " + percent(check.percent()) + minimum + ", `" + check.command() + "`";
        }
        return verdict + ": `" + check.command() + "`";
    }

    private static String percent(double value) {
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value)) + "%";
    }
}
