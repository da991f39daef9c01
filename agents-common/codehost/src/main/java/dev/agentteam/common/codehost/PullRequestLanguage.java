package dev.agentteam.common.codehost;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The language of a pull request body: the one of the template it follows, so headings, checklist items and notes
 * never mix languages. The product's own template (the customer's) is Spanish.
 */
public enum PullRequestLanguage {
    ES("Descripción", "Criterios de aceptación", "Checklist (DoD)", "Notas adicionales", "(sin descripción)", "(ninguno)",
            List.of("Tests unitarios pasan", "Linter OK", "Coverage mínima (si aplica)", "Documentación actualizada",
                    "Security scan")),
    EN("Description", "Acceptance criteria", "Checklist (Definition of Done)", "Notes", "(no description)", "(none)",
            List.of("Unit tests pass", "Linter OK", "Minimum coverage (if applicable)", "Documentation updated",
                    "Security scan"));

    private static final Pattern SPANISH = Pattern.compile(
            "descripci[oó]n|criterios|aceptaci[oó]n|notas|cambios|pruebas|resumen|motivo|¿");

    final String description;
    final String criteria;
    final String definitionOfDone;
    final String notes;
    final String noDescription;
    final String none;
    private final List<String> doneItems;

    PullRequestLanguage(String description, String criteria, String definitionOfDone, String notes, String noDescription,
                        String none, List<String> doneItems) {
        this.description = description;
        this.criteria = criteria;
        this.definitionOfDone = definitionOfDone;
        this.notes = notes;
        this.noDescription = noDescription;
        this.none = none;
        this.doneItems = doneItems;
    }

    /** The text of Definition-of-Done item {@code index} (0 tests, 1 lint, 2 coverage, 3 docs, 4 security scan). */
    String doneItem(int index) {
        return doneItems.get(index);
    }

    /** Spanish when the template's text is, English otherwise. */
    public static PullRequestLanguage of(String template) {
        return template != null && SPANISH.matcher(template.toLowerCase(Locale.ROOT)).find() ? ES : EN;
    }

    /** The five Definition-of-Done items in this language, ticked from what the pipeline established. */
    public List<CheckItem> definitionOfDone(boolean testsPass, boolean lintOk, boolean coverageOk, boolean docsUpdated,
                                            boolean securityScanOk) {
        boolean[] done = {testsPass, lintOk, coverageOk, docsUpdated, securityScanOk};
        return java.util.stream.IntStream.range(0, doneItems.size())
                .mapToObj(i -> new CheckItem(doneItems.get(i), done[i])).toList();
    }
}
