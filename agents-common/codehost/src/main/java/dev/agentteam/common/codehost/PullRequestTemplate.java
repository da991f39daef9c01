package dev.agentteam.common.codehost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Pull request bodies. A repository's own {@code PULL_REQUEST_TEMPLATE.md} is followed when it has one
 * ({@link RepositoryTemplateBody}); otherwise the product's template, the customer's (spec §7.2,
 * {@code pull-request-template.md}): title {@code [ISSUE-<id>] <title>}, description, acceptance criteria and
 * Definition-of-Done checklists, notes. Either way the body is in one language, the template's
 * ({@link #language(String)}).
 */
public final class PullRequestTemplate {

    private static final String TEMPLATE = load();

    private PullRequestTemplate() {
    }

    public static String title(long storyId, String title) {
        return "[ISSUE-" + storyId + "] " + oneLine(title);
    }

    /** The five DoD items of the product's template, ticked from what the pipeline established. */
    public static List<CheckItem> definitionOfDone(boolean testsPass, boolean lintOk, boolean coverageOk,
            boolean docsUpdated, boolean securityScanOk) {
        return PullRequestLanguage.ES.definitionOfDone(testsPass, lintOk, coverageOk, docsUpdated, securityScanOk);
    }

    /** The language a body will have: the repository template's, or the product template's when there is none. */
    public static PullRequestLanguage language(String repositoryTemplate) {
        return blank(repositoryTemplate) ? PullRequestLanguage.ES : PullRequestLanguage.of(repositoryTemplate);
    }

    /** The body with the product's template; {@code summary} lines become bullets, empty sections say so. */
    public static String body(long storyId, String title, String summary, List<CheckItem> acceptanceCriteria,
            List<CheckItem> definitionOfDone, String notes) {
        return body(null, storyId, title, summary, acceptanceCriteria, definitionOfDone, notes);
    }

    /** The body following {@code repositoryTemplate}, or the product's template when that is null or blank. */
    public static String body(String repositoryTemplate, long storyId, String title, String summary,
            List<CheckItem> acceptanceCriteria, List<CheckItem> definitionOfDone, String notes) {
        PullRequestLanguage language = language(repositoryTemplate);
        String note = blank(notes) ? "-" : notes.strip();
        if (!blank(repositoryTemplate)) {
            return RepositoryTemplateBody.fill(repositoryTemplate, language, bullets(summary, language),
                    checklist(acceptanceCriteria, language), checklist(definitionOfDone, language), note);
        }
        return TEMPLATE
                .replace("{{title}}", title(storyId, title))
                .replace("{{summary}}", bullets(summary, language))
                .replace("{{acceptanceCriteria}}", checklist(acceptanceCriteria, language))
                .replace("{{definitionOfDone}}", checklist(definitionOfDone, language))
                .replace("{{notes}}", note);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String bullets(String summary, PullRequestLanguage language) {
        if (summary == null || summary.isBlank()) {
            return "- " + language.noDescription;
        }
        return summary.strip().lines().map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> line.startsWith("- ") ? line : "- " + line)
                .collect(Collectors.joining("\n"));
    }

    private static String checklist(List<CheckItem> items, PullRequestLanguage language) {
        if (items == null || items.isEmpty()) {
            return "- " + language.none;
        }
        return items.stream().map(item -> "- [" + (item.done() ? "x" : " ") + "] " + oneLine(item.text()))
                .collect(Collectors.joining("\n"));
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static String load() {
        try (InputStream in = PullRequestTemplate.class.getResourceAsStream("pull-request-template.md")) {
            if (in == null) {
                throw new IllegalStateException("pull-request-template.md missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
