package dev.agentteam.common.codehost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DefinitionOfDoneTest {

    private static final String SPANISH = PullRequestTemplate.body(7, "Contar palabras", "Cuenta palabras.",
            List.of(new CheckItem("cuenta", true)), PullRequestLanguage.ES.definitionOfDone(true, false, false, false, false),
            "Notas.");

    @Test
    void boxesAreTickedOnlyFromPassingChecksAndAbsentChecksSayNotConfigured() {
        Map<String, DefinitionOfDone.Check> checks = new LinkedHashMap<>();
        checks.put("tests", new DefinitionOfDone.Check("python3 -m unittest", true, null, null));
        checks.put("lint", new DefinitionOfDone.Check("python3 tools/lint.py", false, null, null));
        checks.put("coverage", new DefinitionOfDone.Check("python3 tools/coverage.py", true, 91.5, 80.0));
        checks.put("security", DefinitionOfDone.Check.notConfigured());

        String body = DefinitionOfDone.tick(SPANISH, checks);

        assertThat(body).contains("- [x] Tests unitarios pasan — OK: `python3 -m unittest`")
                .contains("- [ ] Linter OK — falla: `python3 tools/lint.py`")
                .contains("- [x] Coverage mínima (si aplica) — OK: 91.5% (mínimo 80%), `python3 tools/coverage.py`")
                .contains("- [ ] Security scan — no configurado")
                .contains("- [ ] Documentación actualizada\n").contains("- [x] cuenta");
    }

    @Test
    void aNewerResultReplacesTheEarlierOneAndEnglishBodiesGetEnglish() {
        String english = "## Checklist (Definition of Done)\n- [ ] Unit tests pass\n- [ ] Linter OK\n- [ ] Security scan\n";
        String red = DefinitionOfDone.tick(english, Map.of("lint", new DefinitionOfDone.Check("ruff .", false, null, null)));
        String green = DefinitionOfDone.tick(red, Map.of("lint", new DefinitionOfDone.Check("ruff .", true, null, null),
                "security", DefinitionOfDone.Check.notConfigured()));

        assertThat(red).contains("- [ ] Linter OK — failed: `ruff .`");
        assertThat(green).contains("- [x] Linter OK — OK: `ruff .`").doesNotContain("failed")
                .contains("- [ ] Security scan — not configured").contains("- [ ] Unit tests pass\n");
        assertThat(DefinitionOfDone.tick(green, Map.of("lint", new DefinitionOfDone.Check("ruff .", true, null, null))))
                .isEqualTo(green);
    }
}
