package dev.agentteam.po;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The po agent's worker process. The worker runtime itself comes from agents-common's auto-configuration. */
@SpringBootApplication
public class PoAgentApplication {

    public static void main(String[] args) {
        SpringApplication.run(PoAgentApplication.class, args);
    }
}
