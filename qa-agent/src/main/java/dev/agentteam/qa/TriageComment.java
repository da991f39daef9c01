package dev.agentteam.qa;

import dev.agentteam.common.prompt.UntrustedText;
import dev.agentteam.common.task.TextCut;
import dev.agentteam.common.testreport.TestExecution;
import dev.agentteam.common.testreport.TestReport;

/** The facts the model explains, and the one PR comment: its prose plus the table computed by code. */
final class TriageComment {

    private TriageComment() {
    }

    static String facts(Triage triage, TestExecution rerun) {
        StringBuilder text = new StringBuilder("<triage>\nverdict: ").append(triage.verdict().key()).append('\n')
                .append("rerun: ").append(rerun.report().tests()).append(" tests, ").append(rerun.report().failures())
                .append(" failures, ").append(rerun.report().errors()).append(" errors, exit ")
                .append(rerun.process().exitCode()).append(rerun.process().timedOut() ? ", timed out" : "").append('\n');
        for (Triage.Item item : triage.items()) {
            text.append("- ").append(clean(item.name(), 300)).append(": ").append(item.classification().key())
                    .append(" (").append(item.reason()).append("); message: ").append(clean(item.message(), 500)).append('\n');
        }
        return text.append("</triage>").toString();
    }

    /** The comment for a green CI run: the counts, and that there is nothing to classify. */
    static String green(TestReport ci) {
        return "### QA triage: clean\n\nCI passed: " + ci.tests() + " tests, " + ci.passed() + " passed, "
                + ci.skipped() + " skipped, no failures or errors. Nothing to triage on this commit.\n";
    }

    static String render(String prose, Triage triage, int maxListed) {
        StringBuilder body = new StringBuilder("### QA triage: ").append(triage.verdict().key()).append("\n\n")
                .append(prose == null ? "" : prose.strip()).append("\n\n| test | classification | why |\n|---|---|---|\n");
        triage.items().stream().limit(maxListed).forEach(i -> body.append("| `").append(cell(i.name())).append("` | ")
                .append(i.classification().key()).append(" | ").append(cell(i.reason())).append(" |\n"));
        if (triage.items().size() > maxListed) {
            body.append("\n… and ").append(triage.items().size() - maxListed).append(" more (see the task result).\n");
        }
        return body.toString();
    }

    private static String cell(String text) {
        return clean(text, 200).replace("|", "\\|").replace("`", "'").replace("\n", " ");
    }

    /** The shared untrusted-text policy ({@link UntrustedText}), cut with an ellipsis for a table cell. */
    private static String clean(String text, int max) {
        return TextCut.head(UntrustedText.clean(text, Integer.MAX_VALUE, ""), max);
    }
}
