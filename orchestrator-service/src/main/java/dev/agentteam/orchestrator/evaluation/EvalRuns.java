package dev.agentteam.orchestrator.evaluation;

import dev.agentteam.orchestrator.api.ApiProblems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                        update eval_runs set status = 'DONE', finished_at = now(),
                          model = (select l.model from agent_logs l join tasks t on t.id = l.task_id
                                   join eval_results r on r.story_id = t.story_id
                                   where r.run_id = ? and l.model <> 'retrieval' and t.type like 'dev.%' order by l.id desc limit 1),
                          prompt_version = (select l.prompt_version from agent_logs l join tasks t on t.id = l.task_id
                                   join eval_results r on r.story_id = t.story_id
                                   where r.run_id = ? and l.model <> 'retrieval' and t.type like 'dev.%' order by l.id desc limit 1)
                        where id = ? and status = 'RUNNING'""")
                .params(runId, runId, runId).update();
        log.info("evaluation run {} finished", runId);
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
