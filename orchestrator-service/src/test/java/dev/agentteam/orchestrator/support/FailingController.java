package dev.agentteam.orchestrator.support;

import dev.agentteam.common.task.IllegalTaskTransitionException;
import dev.agentteam.common.task.TaskState;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Stands for another feature's controller failing in the ways the global handler must render. Test-only;
 * found by component scanning because test classes share the application's package.
 */
@RestController
class FailingController {

    @GetMapping("/api/test/boom")
    String boom() {
        throw new IllegalStateException("secret internals: password=hunter2");
    }

    /** Carries a configured secret (the test webhook secret) and a GitHub token shape, for the Sentry scrubbing test. */
    @GetMapping("/api/test/leak")
    String leak() {
        throw new IllegalStateException("cannot call GitHub with ghp_Zq8Wm3Lk7Rt2Yp5Nc9Vb4Xh6Jd1Fg0Su3Ea7 and test-webhook-secret");
    }

    @GetMapping("/api/test/transition")
    String transition() {
        throw new IllegalTaskTransitionException(TaskState.SUCCEEDED, TaskState.QUEUED);
    }

    @GetMapping("/api/test/status")
    String status() {
        throw new ResponseStatusException(HttpStatus.CONFLICT, "Task 7 is RUNNING and cannot be assigned.");
    }
}
