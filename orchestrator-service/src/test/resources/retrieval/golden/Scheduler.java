/*
 * Copyright (c) 2026 Example Corp. Licensed under the Apache License, Version 2.0.
 */
package example.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs jobs at fixed intervals.
 */
public class Scheduler {

    private final List<Job> jobs = new ArrayList<>();
    private final Duration tick;

    public Scheduler(Duration tick) {
        this.tick = tick;
    }

    /** Adds a job; it first runs after its interval. */
    @Deprecated
    public void schedule(Job job) {
        if (job == null) {
            throw new IllegalArgumentException("job { must not be null");
        }
        jobs.add(job);
    }

    /**
     * Runs every job that is due and returns how many ran.
     */
    public int runDue(long nowMillis) {
        int ran = 0;
        for (Job job : jobs) {
            if (job.dueAt() <= nowMillis) {
                job.run();
                ran++;
            }
        }
        return ran;
    }

    /** A unit of work. */
    public interface Job extends Runnable {
        long dueAt();
    }

    static <T extends Comparable<T>> T latest(List<T> values) {
        return values.stream().max(Comparable::naturalOrder).orElse(null);
    }
}
