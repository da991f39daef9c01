package dev.agentteam.orchestrator.evaluation;

import dev.agentteam.orchestrator.api.ApiProblems;
import dev.agentteam.orchestrator.history.ChangedBy;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Starts evaluation runs and drives them in the background, {@code concurrency} tasks at a time; every step is in
 * Postgres, so a run interrupted by a restart resumes where it was (finished tasks are not run again).
 */
@Service
public class EvalRuns {

    private static final Logger log = LoggerFactory.getLogger(EvalRuns.class);

    private final JdbcClient jdbc;
    private final EvalSuites suites;
    private final EvalTaskRunner runner;
    private final EvalProperties properties;

    EvalRuns(JdbcClient jdbc, EvalSuites suites, EvalTaskRunner runner, EvalProperties properties) {
        this.jdbc = jdbc;
        this.suites = suites;
        this.runner = runner;
        this.properties = properties;
    }

    /** What a caller asks for; {@code taskIds} empty means the whole suite. */
    record Start(String suite, String mode, int concurrency, Duration taskTimeout, List<String> taskIds, String label,
                 long createdBy) {
    }

    long start(Start request) {
        List<EvalTask> tasks = selected(suites.load(request.suite()), request.taskIds());
        Duration timeout = request.taskTimeout() == null ? properties.taskTimeout() : request.taskTimeout();
        long runId = jdbc.sql("""
                        insert into eval_runs (suite, mode, label, concurrency, task_timeout_s, created_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(request.suite(), request.mode(), request.label(), request.concurrency(), timeout.toSeconds(),
                        request.createdBy()).query(Long.class).single();
        for (int i = 0; i < tasks.size(); i++) {
            EvalTask task = tasks.get(i);
            jdbc.sql("insert into eval_results (run_id, task_key, title, difficulty, position) values (?, ?, ?, ?, ?)")
                    .params(runId, task.id(), task.title(), task.difficulty(), i).update();
        }
        drive(runId, tasks);
        return runId;
    }

    /**
     * Stops a running run: no task of it starts any more, every unfinished task ends {@code cancelled}, and the stories
     * of those that had started are cancelled so that nothing new begins for them; a task an agent is working on
     * finishes its attempt. 404 for an unknown run, 409 for one that is not running.
     */
    void cancel(long runId, ChangedBy by) {
        int stopped = jdbc.sql("update eval_runs set status = 'CANCELLED', finished_at = now() where id = ? and status = 'RUNNING'")
                .param(runId).update();
        if (stopped == 0) {
            String status = jdbc.sql("select status from eval_runs where id = ?").param(runId).query(String.class).optional()
                    .orElseThrow(() -> ApiProblems.notFound("evaluation run", runId));
            throw ApiProblems.conflict("Evaluation run " + runId + " is " + status + "; only a RUNNING run can be cancelled.");
        }
        List<Long> started = jdbc.sql("""
                        update eval_results set status = 'DONE', solved = false, reason = 'cancelled', detail = ?,
                          finished_at = now()
                        where run_id = ? and status <> 'DONE' returning story_id""")
                .params("the run was cancelled" + (by.userId() == null ? "" : " by user " + by.userId()), runId)
                .query((rs, n) -> rs.getObject(1, Long.class)).list();
        started.stream().filter(Objects::nonNull).forEach(story -> runner.stopStory(story, by));
        log.info("evaluation run {} cancelled ({} unfinished tasks)", runId, started.size());
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeInterruptedRuns() {
        for (Map<String, Object> run : jdbc.sql("select id, suite from eval_runs where status = 'RUNNING' order by id").query().listOfRows()) {
            long runId = ((Number) run.get("id")).longValue();
            try {
                List<String> keys = jdbc.sql("select task_key from eval_results where run_id = ? order by position")
                        .param(runId).query(String.class).list();
                log.info("resuming evaluation run {} ({} tasks)", runId, keys.size());
                drive(runId, selected(suites.load((String) run.get("suite")), keys));
            } catch (RuntimeException e) {
                log.warn("evaluation run {} cannot resume: {}", runId, e.toString());
            }
        }
    }

    private void drive(long runId, List<EvalTask> tasks) {
        Map<String, Object> run = jdbc.sql("select mode, concurrency, task_timeout_s, coalesce(created_by, 1) as created_by "
                + "from eval_runs where id = ?").param(runId).query().singleRow();
        EvalTaskRunner.RunSettings settings = new EvalTaskRunner.RunSettings(runId, (String) run.get("mode"),
                Duration.ofSeconds(((Number) run.get("task_timeout_s")).longValue()), ((Number) run.get("created_by")).longValue());
        ExecutorService pool = Executors.newFixedThreadPool(((Number) run.get("concurrency")).intValue(), r -> {
            Thread t = new Thread(r, "eval-run-" + runId);
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        for (EvalTask task : tasks) {
            futures.add(pool.submit(() -> runner.run(settings, task)));
        }
        Thread finisher = new Thread(() -> {
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (Exception e) {
                    log.warn("evaluation run {}: a task ended abnormally: {}", runId, e.toString());
                }
            }
            pool.shutdown();
            finish(runId);
        }, "eval-run-" + runId + "-finish");
        finisher.setDaemon(true);
        finisher.start();
    }

    private void finish(long runId) {
        jdbc.sql("""
                        update eval_runs set status = case status when 'RUNNING' then 'DONE' else status end,
                          finished_at = coalesce(finished_at, now()),
                          model = (select l.model from agent_logs l join tasks t on t.id = l.task_id
                                   join eval_results r on r.story_id = t.story_id
                                   where r.run_id = ? and l.model <> 'retrieval' and t.type like 'dev.%' order by l.id desc limit 1),
                          prompt_version = (select l.prompt_version from agent_logs l join tasks t on t.id = l.task_id
                                   join eval_results r on r.story_id = t.story_id
                                   where r.run_id = ? and l.model <> 'retrieval' and t.type like 'dev.%' order by l.id desc limit 1)
                        where id = ?""")
                .params(runId, runId, runId).update();
        log.info("evaluation run {} finished", runId);
    }

    /** A task time limit as the API and the UI take it: {@code 30m}, {@code 90s}, {@code 2h} or ISO-8601; blank: the default. */
    static Duration taskTimeout(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String trimmed = text.strip();
            Duration d = trimmed.matches("\\d{1,6}[smh]") ? switch (trimmed.charAt(trimmed.length() - 1)) {
                case 's' -> Duration.ofSeconds(Long.parseLong(trimmed.substring(0, trimmed.length() - 1)));
                case 'm' -> Duration.ofMinutes(Long.parseLong(trimmed.substring(0, trimmed.length() - 1)));
                default -> Duration.ofHours(Long.parseLong(trimmed.substring(0, trimmed.length() - 1)));
            } : Duration.parse(trimmed);
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofHours(24)) > 0) {
                throw ApiProblems.badRequest("task_timeout must be between 1s and 24h");
            }
            return d;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ApiProblems.badRequest("task_timeout must look like 30m, 90s, 2h or PT30M");
        }
    }

    private static List<EvalTask> selected(List<EvalTask> suite, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return suite;
        }
        Set<String> known = new java.util.HashSet<>(suite.stream().map(EvalTask::id).toList());
        List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw ApiProblems.unprocessable("unknown task ids " + unknown + "; the suite has " + known);
        }
        return suite.stream().filter(t -> ids.contains(t.id())).toList();
    }
}
