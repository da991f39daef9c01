package dev.agentteam.orchestrator.delivery;

import dev.agentteam.common.task.ImplementStory;
import dev.agentteam.common.task.RepositoryTarget;
import dev.agentteam.common.task.TaskPayloads;
import dev.agentteam.common.task.TaskType;
import dev.agentteam.orchestrator.repository.Repositories;
import dev.agentteam.orchestrator.repository.RepositoryView;
import dev.agentteam.orchestrator.task.NewTask;
import dev.agentteam.orchestrator.task.TaskView;
import dev.agentteam.orchestrator.task.Tasks;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the one {@code dev.implement_story} task of a story when it is READY, every story it depends on is DONE
 * and its repository is known (the epic's, else the default one). Idempotent and safe against concurrent callers:
 * the story row is locked, and a story that already has a dev task (in any state) gets none — retries of that task
 * go through the task API.
 */
@Service
public class DevDispatch {

    public static final String TYPE = "dev.implement_story";
    private static final Logger log = LoggerFactory.getLogger(DevDispatch.class);

    private final JdbcClient jdbc;
    private final Tasks tasks;
    private final Repositories repositories;
    private final DeliveryProperties properties;

    DevDispatch(JdbcClient jdbc, Tasks tasks, Repositories repositories, DeliveryProperties properties) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.repositories = repositories;
        this.properties = properties;
    }

    /**
     * The task created for the story now, or empty when it is not due (or already has one). Always in its own
     * transaction: callers include after-commit event listeners.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<TaskView> dispatch(long storyId) {
        Optional<StoryRow> found = jdbc.sql("""
                        select s.id, s.epic_id, s.title, s.statement, s.acceptance_criteria::text as criteria, s.status,
                               e.repository_id
                        from stories s join epics e on e.id = s.epic_id where s.id = ? for update of s""")
                .param(storyId)
                .query((rs, n) -> new StoryRow(rs.getLong("id"), rs.getLong("epic_id"), rs.getString("title"),
                        rs.getString("statement"), rs.getString("criteria"), rs.getString("status"),
                        (Long) rs.getObject("repository_id")))
                .optional();
        if (found.isEmpty() || !"READY".equals(found.get().status()) || hasDevTask(storyId) || !dependenciesDone(storyId)) {
            return Optional.empty();
        }
        StoryRow story = found.get();
        Optional<RepositoryView> repository = story.repositoryId() != null ? repositories.find(story.repositoryId())
                : repositories.findByName(properties.defaultRepository());
        if (repository.isEmpty()) {
            log.info("Story {} is ready but has no repository (epic without one, and no '{}' repository)", storyId,
                    properties.defaultRepository());
            return Optional.empty();
        }
        TaskView task = tasks.create(new NewTask(TaskType.DEV_IMPLEMENT_STORY, story.epicId(), storyId, payload(story, repository.get())));
        jdbc.sql("update stories set status = 'IN_PROGRESS', started_at = coalesce(started_at, ?), updated_at = ? where id = ?")
                .params(Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), storyId).update();
        log.info("Story {} handed to the dev agent as task {} on repository {}", storyId, task.id(), repository.get().name());
        return Optional.of(task);
    }

    /** READY stories without a dev task, oldest first: the candidates of a sweep. */
    @Transactional(readOnly = true)
    public List<Long> candidates() {
        return jdbc.sql("""
                        select s.id from stories s where s.status = 'READY'
                          and not exists (select 1 from tasks t where t.story_id = s.id and t.type = ?)
                        order by s.priority, s.id""")
                .param(TYPE).query(Long.class).list();
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

    private static Map<String, Object> payload(StoryRow story, RepositoryView repository) {
        List<ImplementStory.Criterion> criteria = story.criteria() == null ? List.of()
                : List.of(TaskPayloads.fromJson(story.criteria(), ImplementStory.Criterion[].class));
        return TaskPayloads.toMap(new ImplementStory(
                new ImplementStory.Story(story.id(), story.epicId(), story.title(), story.statement(), criteria),
                TaskPayloads.read(repository.taskPayload(), RepositoryTarget.class), List.of()));
    }

    private record StoryRow(long id, long epicId, String title, String statement, String criteria, String status,
                            Long repositoryId) {
    }
}
