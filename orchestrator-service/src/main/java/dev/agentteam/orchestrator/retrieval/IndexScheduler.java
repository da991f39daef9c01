package dev.agentteam.orchestrator.retrieval;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs indexing off the request thread, one repository at a time on one background thread (embedding is CPU
 * work; the API keeps answering). A repository is queued once however often it is asked for; the request itself
 * is a row in {@code index_states}, so runs that were waiting or interrupted by a stop resume at the next start.
 */
@Component
class IndexScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IndexScheduler.class);

    private final Indexer indexer;
    private final IndexStates states;
    private final RetrievalProperties properties;
    private final EmbeddingSpace space;
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "code-indexer");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        return thread;
    });

    IndexScheduler(Indexer indexer, IndexStates states, RetrievalProperties properties, EmbeddingSpace space) {
        this.indexer = indexer;
        this.states = states;
        this.properties = properties;
        this.space = space;
    }

    /** Records the request and queues the run (at most once per repository at a time). */
    void request(long repositoryId, String trigger, boolean full) {
        if (!properties.enabled()) {
            return;
        }
        states.request(repositoryId, trigger, full);
        submit(repositoryId);
    }

    /**
     * At start-up, on the indexing thread: loads the model (which queues every repository when it changed since the
     * vectors were written), then resumes what was waiting or interrupted.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumePending() {
        if (!properties.enabled()) {
            return;
        }
        executor.execute(() -> {
            try {
                space.embedder();
            } catch (RuntimeException e) {
                log.warn("The embedding model is not available ({}); indexing waits for the next sweep", e.getMessage());
                return;
            }
            var pending = states.pending();
            if (!pending.isEmpty()) {
                log.info("Resuming the index of {} repositories", pending.size());
            }
            pending.forEach(this::submit);
        });
    }

    /** Queues the run of a repository whose request is already recorded; a queued repository is not queued twice. */
    void submit(long repositoryId) {
        if (queued.add(repositoryId)) {
            executor.execute(() -> {
                boolean again;
                try {
                    again = indexer.run(repositoryId);
                } finally {
                    queued.remove(repositoryId);
                }
                if (again && !Thread.currentThread().isInterrupted()) {
                    submit(repositoryId);
                }
            });
        }
    }

    /** Waits until everything queued so far is done (benchmarks and tests); false on timeout. */
    boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (queued.isEmpty() && states.pending().isEmpty()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return false;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
