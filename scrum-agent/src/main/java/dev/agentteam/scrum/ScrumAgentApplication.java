package dev.agentteam.scrum;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The scrum agent's worker process. The worker runtime itself comes from agents-common's auto-configuration. */
@SpringBootApplication
public class ScrumAgentApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScrumAgentApplication.class, args);
    }
}
