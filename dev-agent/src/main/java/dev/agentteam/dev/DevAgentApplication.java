package dev.agentteam.dev;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The dev agent's worker process. The worker runtime itself comes from agents-common's auto-configuration. */
@SpringBootApplication
public class DevAgentApplication {

    public static void main(String[] args) {
        SpringApplication.run(DevAgentApplication.class, args);
    }
}
