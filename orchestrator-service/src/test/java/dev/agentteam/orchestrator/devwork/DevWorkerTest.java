package dev.agentteam.orchestrator.devwork;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.awaitility.Awaitility.await;

/** The end-to-end delivery tests' setup: the demo repository (indexed), the demo epic, and a real Dev agent. */
abstract class DevWorkerTest extends DevWorkTest {

    @Autowired
    Environment environment;


    @TempDir
    Path temp;

    DevWorker worker;
    long epicId;

    @BeforeEach
    void demoRepositoryAndDevWorker() throws Exception {
        long repository = demoRepository();
        // clock wait: the index runs on its own executor and announces no event
        await().atMost(Duration.ofSeconds(90)).until(() -> "IDLE".equals(
                api.get("/api/repositories/" + repository + "/index").json().path("status").asString()));
        epicId = demoEpic();
        worker = DevWorker.start(environment, temp.resolve("workspaces"));
    }

    @AfterEach
    void stopWorker() {
        if (worker != null) {
            worker.close();
        }
        removeRepositories();
    }
}
