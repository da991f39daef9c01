package dev.agentteam.orchestrator.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentteam.orchestrator.support.FormClient;
import dev.agentteam.orchestrator.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The event stream the live pages listen to: every committed change names the pages it touches. */
class LiveEventsTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    LiveStream stream;

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private Thread reader;

    @AfterEach
    void closeStream() {
        if (reader != null) {
            reader.interrupt();
        }
    }

    @Test
    void committedChangesReachTheSignedInPagesWithTheirTopics() throws Exception {
        FormClient browser = users.signedIn("viewer", port);
        HttpResponse<Stream<String>> response = browser.lines("/live/events");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
        read(response.body());
        assertThat(next()).isEqualTo("ready {\"topics\":[]}");

        long epic = jdbc.queryForObject("insert into epics (title, created_by) values ('Live', 1) returning id", Long.class);
        assertThat(next()).isEqualTo("change {\"topics\":[\"backlog\",\"epic:" + epic + "\"]}");
        long story = jdbc.queryForObject("insert into stories (epic_id, title) values (?, 'Shout') returning id", Long.class, epic);
        assertThat(next()).isEqualTo("change {\"topics\":[\"backlog\",\"epic:" + epic + "\",\"story:" + story + "\"]}");

        long repository = jdbc.queryForObject("insert into repositories (name, test_command) values (?, 'true') returning id",
                Long.class, "live-" + System.nanoTime());
        String sha = "a".repeat(40);
        long pr = jdbc.queryForObject("""
                insert into pr_records (repository_id, story_id, pr_number, repo, branch, head_sha)
                values (?, ?, 1, 'live', 'feature/ISSUE-1', ?) returning id""", Long.class, repository, story, sha);
        assertThat(next()).contains("\"pr:" + pr + "\"", "\"story:" + story + "\"", "\"pull-requests\"");
        jdbc.update("insert into commit_statuses (repository_id, sha, context, state) values (?, ?, 'agent-team/ci', 'SUCCESS')",
                repository, sha);
        assertThat(next()).isEqualTo("change {\"topics\":[\"pr:" + pr + "\"]}");
        jdbc.update("insert into pr_comments (pr_id, author, body) values (?, 'review-agent', 'Fine.')", pr);
        assertThat(next()).isEqualTo("change {\"topics\":[\"pr:" + pr + "\"]}");
    }

    @Test
    void onlySignedInPeopleGetTheStream() {
        HttpResponse<Stream<String>> response = new FormClient(port).lines("/live/events");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(FormClient.location(response)).endsWith("/login");
        response.body().close();
    }

    private void read(Stream<String> lines) {
        reader = new Thread(() -> {
            Iterator<String> it = lines.iterator();
            String name = null;
            while (it.hasNext() && !Thread.currentThread().isInterrupted()) {
                String line = it.next();
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    events.add(name + " " + line.substring(5).strip());
                }
            }
            lines.close();
        }, "live-events-test");
        reader.setDaemon(true);
        reader.start();
    }

    private String next() throws InterruptedException {
        String event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("an event within 10 s").isNotNull();
        return event;
    }
}
