package dev.agentteam.dev;

import dev.agentteam.common.prompt.Prompt;
import dev.agentteam.common.task.ClaimedTask;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * The story's retrieved code for the prompt's {@code {{rag_context}}}. It depends on the story and the orchestrator's
 * index, not on the checkout, so it is fetched on a thread of its own while the repository is cloned (about 0.2 s of
 * each story's wall time, docs/benchmarks.md); {@link #get()} waits for it, or fetches it itself when nothing was
 * started because the prompt has no place for it. The fetching thread works for the task that started it (its
 * {@link ClaimedTask}): the search reaches the orchestrator with that task's forge credential.
 */
final class StoryContext {

    private final FutureTask<String> fetch;

    private StoryContext(FutureTask<String> fetch) {
        this.fetch = fetch;
    }

    static StoryContext prefetch(Prompt prompt, long taskId, Supplier<String> search) {
        StoryContext context = new StoryContext(new FutureTask<>(search::get));
        if (prompt.placeholders().contains("rag_context")) {
            // the search acts for the task: its thread carries the task's claim (the forge credential is per task)
            Optional<ClaimedTask> claimed = ClaimedTask.current();
            Thread thread = new Thread(() -> {
                claimed.ifPresent(ClaimedTask::bind);
                try {
                    context.fetch.run();
                } finally {
                    ClaimedTask.release();
                }
            }, "story-context-" + taskId);
            thread.setDaemon(true);
            thread.start();
        }
        return context;
    }

    /** The retrieved context; a failure of the search is thrown here, on the task's thread, as it was raised. */
    String get() {
        fetch.run(); // does nothing when the prefetch already started or finished
        try {
            return fetch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the story's retrieved context", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
