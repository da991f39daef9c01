package dev.agentteam.po;

import dev.agentteam.common.testing.RuntimeBeansTest;

/** The PO agent: worker, LLM and prompts; no code host, workspace or sandbox, and not the result inbox its tests use. */
class PoAgentBeansTest extends RuntimeBeansTest {

    PoAgentBeansTest() {
        super(
                "dev.agentteam.common.audit",
                "dev.agentteam.common.llm",
                "dev.agentteam.common.observability",
                "dev.agentteam.common.prompt",
                "dev.agentteam.common.queue",
                "dev.agentteam.common.worker");
    }
}
