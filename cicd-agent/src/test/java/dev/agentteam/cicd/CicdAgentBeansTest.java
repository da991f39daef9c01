package dev.agentteam.cicd;

import dev.agentteam.common.testing.RuntimeBeansTest;

/** The CI/CD agent: the artifact store and the sandbox, no LLM. */
class CicdAgentBeansTest extends RuntimeBeansTest {

    CicdAgentBeansTest() {
        super(
                "dev.agentteam.common.artifact",
                "dev.agentteam.common.audit",
                "dev.agentteam.common.codehost",
                "dev.agentteam.common.observability",
                "dev.agentteam.common.queue",
                "dev.agentteam.common.sandbox",
                "dev.agentteam.common.testreport",
                "dev.agentteam.common.worker",
                "dev.agentteam.common.workspace");
    }
}
