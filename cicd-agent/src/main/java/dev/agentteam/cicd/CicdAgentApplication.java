package dev.agentteam.cicd;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The cicd agent's worker process. The worker runtime itself comes from agents-common's auto-configuration. */
@SpringBootApplication
public class CicdAgentApplication {

    public static void main(String[] args) {
        SpringApplication.run(CicdAgentApplication.class, args);
    }
}
