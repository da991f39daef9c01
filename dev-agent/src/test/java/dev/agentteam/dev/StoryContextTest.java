package dev.agentteam.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentteam.common.prompt.Prompt;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.ClaimedTask;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StoryContextTest {

    private static Prompt prompt(String template) {
        return new Prompt("dev_agent_v9", AgentRole.DEV, 9, "test", null, null, template);
    }

    @Test
    void fetchesOnItsOwnThreadWhileTheTaskGoesOnAndHandsTheResultOverOnce() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        StoryContext context = StoryContext.prefetch(prompt("Context:\n{{rag_context}}\nRepo {{repo_url}}"), 7, () -> {
            threads.add(Thread.currentThread().getName());
            started.countDown();
            return "--- textstats/core.py:1-20 ---";
        });

        assertThat(started.await(10, TimeUnit.SECONDS)).as("fetched before anyone asked").isTrue();
        assertThat(context.get()).isEqualTo("--- textstats/core.py:1-20 ---");
        assertThat(context.get()).isEqualTo("--- textstats/core.py:1-20 ---");
        assertThat(threads).containsExactly("story-context-7");
    }

    @Test
    void theFetchingThreadWorksForTheTaskThatStartedIt() throws Exception {
        ClaimedTask task = new ClaimedTask(11, 2, "dev-worker-1");
        task.bind();
        try {
            CountDownLatch fetched = new CountDownLatch(1);
            StoryContext context = StoryContext.prefetch(prompt("{{rag_context}}"), 11, () -> {
                String seen = Thread.currentThread().getName() + " for " + ClaimedTask.current().orElse(null);
                fetched.countDown();
                return seen;
            });
            assertThat(fetched.await(10, TimeUnit.SECONDS)).as("fetched before anyone asked").isTrue();
            assertThat(context.get()).isEqualTo("story-context-11 for " + task);
            assertThat(ClaimedTask.current()).as("the task's own thread keeps its claim").contains(task);
        } finally {
            ClaimedTask.release();
        }
    }

    @Test
    void aPromptWithoutAPlaceForItFetchesNothingUntilAsked() {
        List<String> threads = new CopyOnWriteArrayList<>();
        StoryContext context = StoryContext.prefetch(prompt("Repo {{repo_url}}"), 8, () -> {
            threads.add(Thread.currentThread().getName());
            return "chunks";
        });

        assertThat(threads).isEmpty();
        assertThat(context.get()).isEqualTo("chunks");
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aFailedSearchIsThrownOnTheTasksThreadAsItWasRaised() {
        StoryContext context = StoryContext.prefetch(prompt("{{rag_context}}"), 9, () -> {
            throw new IllegalArgumentException("index unreachable");
        });

        assertThatThrownBy(context::get).isInstanceOf(IllegalArgumentException.class).hasMessage("index unreachable");
    }
}
