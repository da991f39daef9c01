package dev.agentteam.orchestrator.coderepository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentteam.orchestrator.forge.ForgeStorage;
import dev.agentteam.orchestrator.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The start-up registration that run-local.sh switches on: once, from the demo template, and off by default. */
class DemoRepositoryTest extends IntegrationTest {

    @Autowired
    Repositories repositories;

    @Autowired
    RepositoryTemplates templates;

    @Autowired
    ForgeStorage storage;

    @Test
    void registersTheDemoRepositoryOnceFromItsTemplate() {
        DemoRepository demo = new DemoRepository(repositories, templates, "demo-startup");

        demo.registerWhenMissing();
        demo.registerWhenMissing();

        RepositoryView view = repositories.findByName("demo-startup").orElseThrow();
        assertThat(view.forge()).isEqualTo(ForgeType.EMBEDDED);
        assertThat(view.testCommand()).isEqualTo("python3 -m unittest discover -s tests -v");
        assertThat(repositories.list()).filteredOn(r -> r.name().equals("demo-startup")).hasSize(1);
        assertThat(storage.exists("demo-startup")).isTrue();
    }

    @Test
    void registersNothingWhenNoNameIsConfigured() {
        int before = repositories.list().size();

        new DemoRepository(repositories, templates, " ").registerWhenMissing();

        assertThat(repositories.list()).hasSize(before);
    }
}
