package dev.agentteam.common.codehost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PullRequestTemplateTest {

    @Test
    void rendersTheCustomersTemplate() {
        String body = PullRequestTemplate.body(42, "Greeting\nendpoint", "Adds GET /greeting\n\n- returns JSON",
                List.of(new CheckItem("Returns 200 with a name", true), new CheckItem("400 without name", false)),
                PullRequestTemplate.definitionOfDone(true, true, false, false, true), null);

        assertThat(body).isEqualTo("""
                # PR: [ISSUE-42] Greeting endpoint

                ## Descripción
                - Adds GET /greeting
                - returns JSON

                ## Criterios de aceptación
                - [x] Returns 200 with a name
                - [ ] 400 without name

                ## Checklist (DoD)
                - [x] Tests unitarios pasan
                - [x] Linter OK
                - [ ] Coverage mínima (si aplica)
                - [ ] Documentación actualizada
                - [x] Security scan

                ## Notas adicionales
                -
                """);
    }

    @Test
    void titleIsIssuePrefixedAndOneLine() {
        assertThat(PullRequestTemplate.title(7, "  Fix\tlogin  ")).isEqualTo("[ISSUE-7] Fix login");
    }

    @Test
    void emptySectionsSaySo() {
        String body = PullRequestTemplate.body(1, "t", " ", List.of(), List.of(), "Follow-up in ISSUE-2");

        assertThat(body).contains("## Descripción\n- (sin descripción)")
                .contains("## Criterios de aceptación\n- (ninguno)")
                .contains("## Notas adicionales\nFollow-up in ISSUE-2");
    }

    @Test
    void followsTheRepositorysOwnTemplateInItsLanguage() {
        String template = """
                <!-- Thanks for contributing! Describe your change below. -->
                ## What does this PR do?
                <!-- one or two sentences -->

                ## Screenshots
                If the UI changed, add them here.

                ## Checklist
                - [ ] I updated the changelog
                - [x] I signed the CLA
                """;
        PullRequestLanguage language = PullRequestTemplate.language(template);

        String body = PullRequestTemplate.body(template, 42, "Greeting", "Adds GET /greeting",
                List.of(new CheckItem("Returns 200 with a name", true)),
                language.definitionOfDone(true, false, false, false, false), "Tests: `mvn test` → 3 passed.");

        assertThat(language).isEqualTo(PullRequestLanguage.EN);
        assertThat(body).isEqualTo("""
                ## What does this PR do?
                - Adds GET /greeting

                ## Screenshots
                If the UI changed, add them here.

                ## Checklist
                - [x] Unit tests pass
                - [ ] Linter OK
                - [ ] Minimum coverage (if applicable)
                - [ ] Documentation updated
                - [ ] Security scan
                - [ ] I updated the changelog
                - [ ] I signed the CLA

                ## Acceptance criteria
                - [x] Returns 200 with a name

                ## Notes
                Tests: `mvn test` → 3 passed.
                """);
        assertThat(body).doesNotContain("<!--", "Descripción", "Criterios", "Tests unitarios");
    }

    @Test
    void aSpanishRepositoryTemplateKeepsEverythingSpanish() {
        String template = "### Descripción\n\n### Criterios de aceptación\n\n### Notas\n";

        String body = PullRequestTemplate.body(template, 7, "Saludo", null, List.of(),
                PullRequestTemplate.language(template).definitionOfDone(true, true, false, false, false), null);

        assertThat(body).isEqualTo("""
                ### Descripción
                - (sin descripción)

                ### Criterios de aceptación
                - (ninguno)

                ### Notas
                -

                ### Checklist (DoD)
                - [x] Tests unitarios pasan
                - [x] Linter OK
                - [ ] Coverage mínima (si aplica)
                - [ ] Documentación actualizada
                - [ ] Security scan
                """);
    }

    @Test
    void withoutARepositoryTemplateTheProductsIsUsed() {
        assertThat(PullRequestTemplate.body("  \n", 1, "t", "s", List.of(), List.of(), null))
                .isEqualTo(PullRequestTemplate.body(1, "t", "s", List.of(), List.of(), null)).startsWith("# PR: [ISSUE-1] t");
        assertThat(PullRequestTemplate.language(null)).isEqualTo(PullRequestLanguage.ES);
    }
}
