package dev.agentteam.orchestrator.devwork;

import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.backlog.StoryLifecycle;
import dev.agentteam.orchestrator.backlog.StoryStatus;
import dev.agentteam.orchestrator.history.ChangedBy;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.ImplementStory;
import dev.agentteam.common.task.TaskPayloads;
import dev.agentteam.common.task.TaskState;
import dev.agentteam.common.task.TaskType;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import dev.agentteam.orchestrator.task.Assignee;
import dev.agentteam.orchestrator.task.NewTask;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.task.Tasks;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the one {@code dev.implement_story} task of a story when it is READY, every story it depends on is DONE,
 * its repository is known (the epic's, else the default one) and {@link WorkRules} let it in. Idempotent and safe against concurrent callers:
 * the story row is locked, and a story that already has a dev task (in any state) gets none — retries of that task
 * go through the task API.
 */
@Service
public class DevDispatch {

    public static final String TYPE = "dev.implement_story";
    private static final long DISPATCH_LOCK = 0x444953504154L;
    private static final Logger log = LoggerFactory.getLogger(DevDispatch.class);

    private final JdbcClient jdbc;
    private final Tasks tasks;
    private final Repositories repositories;
    private final DevWorkProperties properties;
    private final StoryLifecycle storyLifecycle;
    private final WorkRules rules;

    DevDispatch(JdbcClient jdbc, Tasks tasks, Repositories repositories, DevWorkProperties properties,
                StoryLifecycle storyLifecycle, WorkRules rules) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.repositories = repositories;
        this.properties = properties;
        this.storyLifecycle = storyLifecycle;
        this.rules = rules;
    }

    /**
     * The task created for the story now, or empty when it is not due: not READY, already has a dev task, a
     * dependency not DONE, no repository, or — the rules of the mode — outside the ACTIVE sprint (SPRINT mode), over
     * the sprint's capacity, or the WIP limit reached. Always in its own transaction (callers include after-commit
     * listeners); decisions are serialized so two dispatchers cannot both take the last WIP slot.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<TaskView> dispatch(long storyId) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(DISPATCH_LOCK).query(Integer.class).single();
        Optional<StoryRow> found = lockStory(storyId);
        if (found.isEmpty() || blocker(found.get()).isPresent()) {
            return Optional.empty();
        }
        Optional<String> waiting = rules.waiting(found.get().id(), found.get().estimate());
        if (waiting.isPresent()) {
            log.debug("Story {} waits: {}", storyId, waiting.get());
            return Optional.empty();
        }
        return handOver(found.get(), ChangedBy.system("handed to the dev agent"));
    }

    /**
     * A person starts work on a story by hand, in either mode and past the sprint and WIP rules: 404 for an unknown
     * story; 409 when it is not READY, already has a dev task, waits for a dependency or has no repository.
     */
    @Transactional
    public TaskView start(long storyId, ChangedBy by) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(DISPATCH_LOCK).query(Integer.class).single();
        StoryRow story = lockStory(storyId).orElseThrow(() -> ApiProblems.notFound("story", storyId));
        blocker(story).ifPresent(reason -> {
            throw ApiProblems.conflict("Story " + storyId + " cannot start: " + reason + ".");
        });
        return handOver(story, by).orElseThrow(() -> ApiProblems.conflict("Story " + storyId + " cannot start: it has "
                + "no repository (its epic names none, and there is no '" + properties.defaultRepository() + "')."));
    }

    /**
     * A person runs a BLOCKED story's Dev task again after it ended without a pull request (DevResults blocked the
     * story): the task is queued once more — a FAILED one assigned to the Dev agent again, a DEAD one re-queued with one
     * more attempt — and the story is IN_PROGRESS again, past the WIP limit like {@link #start}. 404 for an unknown
     * story; 409 when it is not BLOCKED or its Dev task has not ended without a pull request.
     */
    @Transactional
    public TaskView retry(long storyId, ChangedBy by) {
        StoryRow story = lockStory(storyId).orElseThrow(() -> ApiProblems.notFound("story", storyId));
        if (!StoryStatus.BLOCKED.name().equals(story.status())) {
            throw ApiProblems.conflict("Story " + storyId + " is " + story.status() + "; only a BLOCKED story's Dev task "
                    + "can be run again.");
        }
        TaskView last = tasks.forStory(storyId).stream().filter(t -> TYPE.equals(t.type()))
                .max(Comparator.comparingLong(TaskView::id))
                .orElseThrow(() -> ApiProblems.conflict("Story " + storyId + " has no " + TYPE + " task to run again."));
        boolean failedForGood = last.status() == TaskState.FAILED && last.nextAttemptAt() == null;
        if (!failedForGood && last.status() != TaskState.DEAD) {
            throw ApiProblems.conflict("Story " + storyId + "'s " + TYPE + " task " + last.id() + " is " + last.status()
                    + "; only one that ended without a pull request (FAILED or DEAD) can be run again.");
        }
        TaskView queued = last.status() == TaskState.DEAD ? tasks.requeueDead(last.id())
                : tasks.assign(last.id(), Assignee.agent(AgentRole.DEV));
        storyLifecycle.move(storyId, StoryStatus.IN_PROGRESS, new ChangedBy(by.userId(), last.id(), by.reason()));
        log.info("Story {}: its Dev task {} runs again", storyId, last.id());
        return queued;
    }

    /**
     * The candidates of a sweep, most urgent first: READY stories without a dev task — in SPRINT mode only those of
     * the ACTIVE sprint.
     */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    public List<Long> candidates() {
        return jdbc.sql("""
                        select s.id from stories s where s.status = 'READY'
                          and not exists (select 1 from tasks t where t.story_id = s.id and t.type = ?)
                          and (not ? or exists (select 1 from sprint_stories ss join sprints sp on sp.id = ss.sprint_id
                                                where ss.story_id = s.id and sp.status = 'ACTIVE'))
                        order by s.priority, s.id""")
                .params(TYPE, rules.sprintMode()).query(Long.class).list();
    }

    private Optional<StoryRow> lockStory(long storyId) {
        return jdbc.sql("""
                        select s.id, s.epic_id, s.title, s.statement, s.acceptance_criteria::text as criteria, s.status,
                               s.estimate, e.repository_id
                        from stories s join epics e on e.id = s.epic_id where s.id = ? for update of s""")
                .param(storyId)
                .query((rs, n) -> new StoryRow(rs.getLong("id"), rs.getLong("epic_id"), rs.getString("title"),
                        rs.getString("statement"), rs.getString("criteria"), rs.getString("status"),
                        (Integer) rs.getObject("estimate"), (Long) rs.getObject("repository_id")))
                .optional();
    }

    /** Why the story cannot be handed over whatever the mode, if it cannot. */
    private Optional<String> blocker(StoryRow story) {
        if (!"READY".equals(story.status())) {
            return Optional.of("it is " + story.status() + ", not READY");
        }
        if (hasDevTask(story.id())) {
            return Optional.of("it already has a " + TYPE + " task");
        }
        if (!dependenciesDone(story.id())) {
            return Optional.of("a story it depends on is not DONE");
        }
        return Optional.empty();
    }

    private Optional<TaskView> handOver(StoryRow story, ChangedBy by) {
        Optional<RepositoryView> repository = story.repositoryId() != null ? repositories.find(story.repositoryId())
                : repositories.findByName(properties.defaultRepository());
        if (repository.isEmpty()) {
            log.info("Story {} is ready but has no repository (epic without one, and no '{}' repository)", story.id(),
                    properties.defaultRepository());
            return Optional.empty();
        }
        TaskView task = tasks.create(new NewTask(TaskType.DEV_IMPLEMENT_STORY, story.epicId(), story.id(), payload(story, repository.get())));
        storyLifecycle.move(story.id(), StoryStatus.IN_PROGRESS,
                new ChangedBy(by.userId(), task.id(), by.reason()));
        log.info("Story {} handed to the dev agent as task {} on repository {}", story.id(), task.id(), repository.get().name());
        return Optional.of(task);
    }

    private boolean hasDevTask(long storyId) {
        return jdbc.sql("select exists(select 1 from tasks where story_id = ? and type = ?)").params(storyId, TYPE)
                .query(Boolean.class).single();
    }

    private boolean dependenciesDone(long storyId) {
        return !jdbc.sql("""
                        select exists(select 1 from story_dependencies d join stories s on s.id = d.depends_on_id
                                      where d.story_id = ? and s.status <> 'DONE')""")
                .param(storyId).query(Boolean.class).single();
    }

    private static ImplementStory payload(StoryRow story, RepositoryView repository) {
        List<ImplementStory.Criterion> criteria = story.criteria() == null ? List.of()
                : List.of(TaskPayloads.fromJson(story.criteria(), ImplementStory.Criterion[].class));
        return new ImplementStory(
                new ImplementStory.Story(story.id(), story.epicId(), story.title(), story.statement(), criteria),
                repository.taskTarget(), List.of());
    }

    private record StoryRow(long id, long epicId, String title, String statement, String criteria, String status,
                            Integer estimate, Long repositoryId) {
    }
}
