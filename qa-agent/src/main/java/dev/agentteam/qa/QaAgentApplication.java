package dev.agentteam.qa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The qa agent's worker process. The worker runtime itself comes from agents-common's auto-configuration. */
@SpringBootApplication
public class QaAgentApplication {

    public static void main(String[] args) {
        SpringApplication.run(QaAgentApplication.class, args);
    }
}
