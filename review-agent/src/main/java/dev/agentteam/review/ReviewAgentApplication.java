package dev.agentteam.review;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The review agent's worker process. The worker runtime itself comes from agents-common's auto-configuration. */
@SpringBootApplication
public class ReviewAgentApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReviewAgentApplication.class, args);
    }
}
