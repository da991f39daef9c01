package dev.agentteam.dev;

import dev.agentteam.common.testing.RuntimeBeansTest;

/** The Dev agent: everything but the artifact store and the result inbox. */
class DevAgentBeansTest extends RuntimeBeansTest {

    DevAgentBeansTest() {
        super(
                "dev.agentteam.common.audit",
                "dev.agentteam.common.codehost",
                "dev.agentteam.common.llm",
                "dev.agentteam.common.observability",
                "dev.agentteam.common.prompt",
                "dev.agentteam.common.queue",
                "dev.agentteam.common.retrieval",
                "dev.agentteam.common.sandbox",
                "dev.agentteam.common.worker",
                "dev.agentteam.common.workspace");
    }
}
