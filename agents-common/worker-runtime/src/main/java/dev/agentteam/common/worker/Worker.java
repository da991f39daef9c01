package dev.agentteam.common.worker;

import dev.agentteam.common.queue.ClaimedTask;
import dev.agentteam.common.queue.TaskQueue;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.TaskResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The worker process of one role: {@code concurrency} claim loops, a heartbeat and a reaper. Started last
 * and stopped first by the context, so Redis stays available while it drains.
 */
public class Worker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    private final TaskQueue queue;
    private final WorkerProperties settings;
    private final TaskExecution execution;
    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
    private final List<Thread> loops = new ArrayList<>();
    private final WorkerLease lease;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    Worker(TaskQueue queue, WorkerProperties settings, TaskExecution execution) {
        this.queue = queue;
        this.settings = settings;
        this.execution = execution;
        this.lease = new WorkerLease(queue, settings, () -> inFlight.stream().map(task -> task.claim().task().lease()),
                execution.types());
    }

    public AgentRole role() {
        return settings.role();
    }

    public String workerId() {
        return settings.id();
    }

    /** How many tasks this process is working on right now. */
    public int liveClaims() {
        return inFlight.size();
    }

    /** When the last heartbeat reached Redis, or null if none has yet. */
    public Instant lastHeartbeat() {
        return lease.lastRenewed();
    }

    public Set<String> taskTypes() {
        return execution.types();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "worker-" + role().key() + "-beat"));
        lease.takeOver();
        long beat = settings.heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(lease::renew, beat, beat, TimeUnit.MILLISECONDS);
        long reap = settings.reaperInterval().toMillis();
        scheduler.scheduleWithFixedDelay(lease::reap, reap, reap, TimeUnit.MILLISECONDS);
        if (!execution.hasHandlers()) {
            log.warn("The {} agent has no TaskHandler beans: worker {} heartbeats and reaps but claims no tasks, "
                    + "so {} tasks wait until a worker with handlers runs", role().key(), workerId(), role().key());
            return;
        }
        for (int i = 1; i <= settings.concurrency(); i++) {
            Thread loop = new Thread(this::claimLoop, "worker-" + role().key() + "-" + i);
            loops.add(loop);
            loop.start();
        }
        log.info("Worker {} takes {} tasks {} with {} loop(s)", workerId(), role().key(), execution.types(), settings.concurrency());
    }

    private void claimLoop() {
        while (running) {
            try {
                if (!lease.isFresh()) {
                    Thread.sleep(settings.pollWait().toMillis());
                    continue;
                }
                queue.claim(role(), workerId(), settings.pollWait()).ifPresent(this::work);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Claim loop of worker {} hit an error, retrying: {}", workerId(), e.getMessage());
                pause();
            }
        }
    }

    private void work(ClaimedTask claim) {
        InFlight task = new InFlight(claim, Thread.currentThread());
        inFlight.add(task);
        try {
            if (!running) {
                release(task);
                return;
            }
            announce(claim);
            TaskResult result = execution.run(claim.task(), new WorkerContext(role(), workerId(), claim.task(), lease::renew));
            if (task.settle()) {
                queue.complete(claim, result);
            }
        } finally {
            inFlight.remove(task);
        }
    }

    /** A lost notice only leaves the task shown QUEUED until its result: it never stops the work. */
    private void announce(ClaimedTask claim) {
        try {
            queue.started(claim);
        } catch (RuntimeException e) {
            log.warn("Could not report the start of task {} attempt {}: {}", claim.task().taskId(), claim.task().attempt(),
                    e.getMessage());
        }
    }

    private void release(InFlight task) {
        if (task.settle()) {
            try {
                queue.release(task.claim());
                log.info("Released task {} attempt {} back to the {} queue", task.claim().task().taskId(),
                        task.claim().task().attempt(), role().key());
            } catch (RuntimeException e) {
                log.warn("Could not release task {}; the reaper returns it once this worker's lease expires: {}",
                        task.claim().task().taskId(), e.getMessage());
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(Math.min(1000, settings.pollWait().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        long deadline = System.nanoTime() + settings.shutdownGrace().plus(settings.pollWait()).toNanos();
        for (Thread loop : loops) {
            joinUntil(loop, deadline);
        }
        for (InFlight task : inFlight) {
            log.warn("Task {} did not finish within the shutdown grace of {}", task.claim().task().taskId(), settings.shutdownGrace());
            release(task);
            task.thread().interrupt();
        }
        loops.clear();
        scheduler.shutdownNow();
        lease.end();
        log.info("Worker {} stopped", workerId());
    }

    private static void joinUntil(Thread thread, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        try {
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
