package dev.agentteam.orchestrator.coderepository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo template's quality checks run for real (python3, offline) on a copy of the template: green as shipped,
 * and each one red when the code breaks its rule. The commands are the ones the template registers.
 */
class DemoQualityToolsTest {

    private static final RepositoryTemplates TEMPLATES = new RepositoryTemplates();

    @TempDir
    Path repo;

    @BeforeEach
    void copyTemplate() throws IOException {
        for (Map.Entry<String, byte[]> file : TEMPLATES.files(DemoRepository.TEMPLATE).entrySet()) {
            Path target = repo.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    @Test
    void theShippedTemplatePassesAllThreeChecks() throws Exception {
        var quality = TEMPLATES.quality(DemoRepository.TEMPLATE);

        Run coverage = run(quality.coverageCommand());

        assertThat(run(quality.lintCommand()).exit()).isZero();
        assertThat(coverage.exit()).isZero();
        assertThat(coverage.output()).containsPattern("coverage: (100|[89]\\d)\\.\\d%");
        assertThat(run(quality.securityCommand()).output()).contains("0 finding(s)");
        assertThat(quality.coverageThreshold()).isEqualTo(80.0);
    }

    @Test
    void eachCheckFailsOnCodeThatBreaksItsRule() throws Exception {
        var quality = TEMPLATES.quality(DemoRepository.TEMPLATE);
        Files.writeString(repo.resolve("textstats/extra.py"), """
                import os


                def unused(text):   \n\
                    return eval(text)


                def untested(a):
                    if a:
                        return 1
                    b = a + 1
                    c = b * 2
                    d = c - 3
                    e = d / 4
                    return e
                """);
        Files.writeString(repo.resolve("requirements.txt"), "requests==2.30.0\n");

        Run lint = run(quality.lintCommand());
        Run coverage = run(quality.coverageCommand());
        Run security = run(quality.securityCommand());

        assertThat(lint.exit()).isEqualTo(1);
        assertThat(lint.output()).contains("unused import 'os'").contains("trailing whitespace");
        assertThat(coverage.output()).containsPattern("coverage: [1-7]\\d\\.\\d%");
        assertThat(security.exit()).isEqualTo(1);
        assertThat(security.output()).contains("requests 2.30.0 is affected by CVE-2023-32681").contains("risky call eval");
    }

    private record Run(int exit, String output) {
    }

    private Run run(String command) throws Exception {
        Process process = new ProcessBuilder(List.of("/bin/sh", "-c", command)).directory(repo.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
