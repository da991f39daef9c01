package dev.agentteam.orchestrator.coderepository;

import java.util.List;
import java.util.Optional;

import dev.agentteam.common.task.QualityCommands;
import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.forge.ForgeStorage;
import dev.agentteam.orchestrator.forge.ForgeUrls;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The repositories the team works on; other features read them here (by id or by name). */
@Service
public class Repositories {

    private final CodeRepositoryStore store;
    private final RepositorySeeder seeder;
    private final ForgeStorage storage;
    private final ForgeUrls urls;
    private final ApplicationEventPublisher events;

    Repositories(CodeRepositoryStore store, RepositorySeeder seeder, ForgeStorage storage, ForgeUrls urls,
            ApplicationEventPublisher events) {
        this.store = store;
        this.seeder = seeder;
        this.storage = storage;
        this.urls = urls;
        this.events = events;
    }

    /**
     * Registers a repository; an embedded one is created in the forge with its initial content first.
     * Errors are API problems: 400 bad input, 409 duplicate name, 422 unknown template or path.
     */
    public RepositoryView create(NewRepository command) {
        return create(command, false);
    }

    /**
     * Registers an embedded repository imported from a directory the server chose itself — a task of an evaluation
     * suite an operator installed, or a checkout the server made — rather than one a caller of the API named: the
     * import roots ({@code agentteam.forge.import-roots}), which guard the latter, do not apply.
     */
    public RepositoryView createFromServerDirectory(NewRepository command) {
        if (command.forge() != ForgeType.EMBEDDED || command.importPath() == null) {
            throw new IllegalArgumentException("only an embedded repository imported from a directory: " + command.name());
        }
        return create(command, true);
    }

    private RepositoryView create(NewRepository command, boolean serverChosenPath) {
        if (store.existsByName(command.name())) {
            throw ApiProblems.conflict("A repository named '" + command.name() + "' already exists.");
        }
        boolean embedded = command.forge() == ForgeType.EMBEDDED;
        if (embedded) {
            seeder.createAndSeed(command, serverChosenPath);
        }
        try {
            String cloneUrl = embedded ? null : "https://github.com/" + command.fullName() + ".git";
            RepositoryView created = view(store.saveAndFlush(new CodeRepository(command, cloneUrl)));
            events.publishEvent(new RepositoryRegistered(created.id(), created.name()));
            return created;
        } catch (DataIntegrityViolationException e) {
            if (embedded) {
                storage.delete(command.name());
            }
            throw ApiProblems.conflict("A repository named '" + command.name() + "' already exists.");
        }
    }

    public List<RepositoryView> list() {
        return store.findAllByOrderByIdAsc().stream().map(this::view).toList();
    }

    public Optional<RepositoryView> find(long id) {
        return store.findById(id).map(this::view);
    }

    public Optional<RepositoryView> findByName(String name) {
        return store.findByName(name).map(this::view);
    }

    /** The test command a template declares (used when a request names a template and no command). */
    public String templateTestCommand(String template) {
        return seeder.templateTestCommand(template);
    }

    /** The quality checks a template declares (used when a request names a template and no checks). */
    public QualityCommands templateQuality(String template) {
        return seeder.templateQuality(template);
    }

    /** Replaces the repository's quality checks; the next CI run uses them. 404 when there is no such repository. */
    @Transactional
    public RepositoryView updateQuality(long id, QualityCommands quality) {
        CodeRepository repository = store.findById(id).orElseThrow(() -> ApiProblems.notFound("repository", id));
        repository.quality(quality);
        return view(store.saveAndFlush(repository));
    }

    private RepositoryView view(CodeRepository repository) {
        boolean embedded = repository.forge() == ForgeType.EMBEDDED;
        return new RepositoryView(repository.id(), repository.name(), repository.forge(),
                embedded ? storage.owner() + "/" + repository.name() : repository.fullName(),
                embedded ? urls.cloneUrl(repository.name()) : repository.cloneUrl(),
                repository.defaultBranch(), repository.testCommand(), repository.createdAt(), repository.quality());
    }
}
