package dev.agentteam.po;

import dev.agentteam.common.audit.SecretRedactor;
import dev.agentteam.common.prompt.UntrustedText;
import dev.agentteam.common.task.Clarification;
import dev.agentteam.common.task.RefineEpic;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The user message of a refinement: the epic (and any answers a person gave to earlier questions) as delimited,
 * labelled data. The text is untrusted: cleaned by the shared policy ({@link UntrustedText}: HTML comments and
 * invisible characters, where instructions hide, removed), secrets redacted before a model sees it, our delimiters
 * not forgeable, cut to a limit.
 */
final class EpicMessage {

    private static final String EPIC = Templates.load("epic-message.md");
    private static final String ANSWERS = Templates.load("answers-section.md");
    private static final Pattern DELIMITER = Pattern.compile("(?i)</?\\s*(epic|answers)\\s*>");
    private static final String TRUNCATED = "\n[… cut: the text was longer than the agent reads]";

    private final SecretRedactor redactor;
    private final int maxChars;

    EpicMessage(SecretRedactor redactor, int maxChars) {
        this.redactor = redactor;
        this.maxChars = maxChars;
    }

    String render(RefineEpic epic) {
        String title = clean(text(epic.title()), 200);
        String description = clean(text(epic.description()), maxChars);
        String message = Templates.fill(EPIC, Map.of("title", title.isEmpty() ? "(no title)" : title,
                "description", description.isEmpty() ? "(no description)" : description));
        List<String> answers = answers(epic.clarifications());
        if (!answers.isEmpty()) {
            message += Templates.fill(ANSWERS, Map.of("answers", clean(String.join("\n\n", answers), maxChars)));
        }
        return message;
    }

    /** Earlier rounds of questions and answers: {@code [{"question": …, "answer": …}]}, as the orchestrator merges them. */
    private static List<String> answers(List<Clarification> clarifications) {
        return clarifications.stream().filter(pair -> pair != null && !text(pair.answer()).isBlank())
                .map(pair -> "Q: " + text(pair.question()).strip() + "\nA: " + text(pair.answer()).strip()).toList();
    }

    /**
     * The shared untrusted-text policy ({@link UntrustedText}: invisible characters first, then HTML comments, braces),
     * then what is the PO agent's own: its delimiters defused, secrets redacted, the cut with a note for the model.
     */
    String clean(String raw, int limit) {
        String text = DELIMITER.matcher(UntrustedText.clean(raw, Integer.MAX_VALUE, "")).replaceAll("[$1]");
        text = redactor.redact(text).strip();
        return text.length() <= limit ? text : text.substring(0, limit) + TRUNCATED;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
