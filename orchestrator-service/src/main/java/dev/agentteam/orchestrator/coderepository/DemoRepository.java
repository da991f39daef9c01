package dev.agentteam.orchestrator.coderepository;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers the demo repository (from the {@code demo-python} template) at start-up when
 * {@code agentteam.forge.demo-repository} names one and it does not exist yet. {@code scripts/run-local.sh} turns
 * it on, so the demo epic has a repository to land in without any other action; production leaves it empty.
 */
@Component
class DemoRepository {

    static final String TEMPLATE = "demo-python";
    private static final Logger log = LoggerFactory.getLogger(DemoRepository.class);

    private final Repositories repositories;
    private final RepositoryTemplates templates;
    private final String name;

    DemoRepository(Repositories repositories, RepositoryTemplates templates,
            @Value("${agentteam.forge.demo-repository:}") String name) {
        this.repositories = repositories;
        this.templates = templates;
        this.name = name == null ? "" : name.strip();
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerWhenMissing() {
        if (name.isEmpty() || repositories.findByName(name).isPresent()) {
            return;
        }
        RepositoryView created = repositories.create(new NewRepository(name, ForgeType.EMBEDDED, null, "main",
                templates.testCommand(TEMPLATE), TEMPLATE, null, templates.quality(TEMPLATE)));
        log.info("Demo repository '{}' registered from template {} (id {})", created.name(), TEMPLATE, created.id());
    }
}
