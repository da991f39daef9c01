package dev.agentteam.review;

import dev.agentteam.common.testing.RuntimeBeansTest;

/** The Review agent: reads code, never runs it (no sandbox), no artifact store. */
class ReviewAgentBeansTest extends RuntimeBeansTest {

    ReviewAgentBeansTest() {
        super(
                "dev.agentteam.common.audit",
                "dev.agentteam.common.codehost",
                "dev.agentteam.common.llm",
                "dev.agentteam.common.observability",
                "dev.agentteam.common.prompt",
                "dev.agentteam.common.queue",
                "dev.agentteam.common.retrieval",
                "dev.agentteam.common.worker",
                "dev.agentteam.common.workspace");
    }
}
