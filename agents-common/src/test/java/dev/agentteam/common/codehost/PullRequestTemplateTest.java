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
}
