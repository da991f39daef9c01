package dev.agentteam.orchestrator.support;

import dev.agentteam.orchestrator.task.Tasks;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@TestConfiguration(proxyBeanMethods = false)
public class IntegrationTestConfiguration {

    @Bean
    Tasks tasks(JdbcTemplate jdbc) {
        return new JdbcTasks(jdbc);
    }

    /**
     * Stands for another feature's controller failing in the two ways the global handler must render. Found by
     * component scanning (test classes share the application's package), so it is not declared as a bean here.
     */
    @RestController
    static class FailingController {

        @GetMapping("/api/test/boom")
        String boom() {
            throw new IllegalStateException("secret internals: password=hunter2");
        }

        @GetMapping("/api/test/status")
        String status() {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Task 7 is RUNNING and cannot be assigned.");
        }
    }
}
