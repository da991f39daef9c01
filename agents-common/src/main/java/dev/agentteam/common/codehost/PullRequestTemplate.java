package dev.agentteam.common.codehost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The customer's pull request template (spec §7.2, {@code pull-request-template.md}): title
 * {@code [ISSUE-<id>] <title>}, description, acceptance criteria and Definition-of-Done checklists, notes.
 */
public final class PullRequestTemplate {

    private static final String TEMPLATE = load();

    private PullRequestTemplate() {
    }

    public static String title(long storyId, String title) {
        return "[ISSUE-" + storyId + "] " + oneLine(title);
    }

    /** The five DoD items of the template, ticked from what the pipeline established. */
    public static List<CheckItem> definitionOfDone(boolean testsPass, boolean lintOk, boolean coverageOk,
            boolean docsUpdated, boolean securityScanOk) {
        return List.of(
                new CheckItem("Tests unitarios pasan", testsPass),
                new CheckItem("Linter OK", lintOk),
                new CheckItem("Coverage mínima (si aplica)", coverageOk),
                new CheckItem("Documentación actualizada", docsUpdated),
                new CheckItem("Security scan", securityScanOk));
    }

    /** The body; {@code summary} lines become bullets, empty sections say so instead of vanishing. */
    public static String body(long storyId, String title, String summary, List<CheckItem> acceptanceCriteria,
            List<CheckItem> definitionOfDone, String notes) {
        return TEMPLATE
                .replace("{{title}}", title(storyId, title))
                .replace("{{summary}}", bullets(summary))
                .replace("{{acceptanceCriteria}}", checklist(acceptanceCriteria))
                .replace("{{definitionOfDone}}", checklist(definitionOfDone))
                .replace("{{notes}}", notes == null || notes.isBlank() ? "-" : notes.strip());
    }

    private static String bullets(String summary) {
        if (summary == null || summary.isBlank()) {
            return "- (sin descripción)";
        }
        return summary.strip().lines().map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> line.startsWith("- ") ? line : "- " + line)
                .collect(Collectors.joining("\n"));
    }

    private static String checklist(List<CheckItem> items) {
        if (items == null || items.isEmpty()) {
            return "- (ninguno)";
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
