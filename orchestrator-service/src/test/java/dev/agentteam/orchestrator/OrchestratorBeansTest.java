package dev.agentteam.orchestrator;

import dev.agentteam.common.testing.RuntimeBeansTest;

/** The orchestrator: no LLM, workspace, worker, retrieval or artifact beans (its end-to-end tests put agents on the
 * test classpath; their auto-configurations are left out); the sandbox for the evaluation's held-out judge. */
class OrchestratorBeansTest extends RuntimeBeansTest {

    OrchestratorBeansTest() {
        super(
                "dev.agentteam.common.audit",
                "dev.agentteam.common.codehost",
                "dev.agentteam.common.observability",
                "dev.agentteam.common.queue",
                "dev.agentteam.common.sandbox");
    }
}
