package dev.agentteam.scrum;

import dev.agentteam.common.testing.RuntimeBeansTest;

/** The Scrum agent: worker, LLM and prompts; no code host, workspace or sandbox, and not the result inbox its tests use. */
class ScrumAgentBeansTest extends RuntimeBeansTest {

    ScrumAgentBeansTest() {
        super(
                "dev.agentteam.common.audit",
                "dev.agentteam.common.llm",
                "dev.agentteam.common.observability",
                "dev.agentteam.common.prompt",
                "dev.agentteam.common.queue",
                "dev.agentteam.common.worker");
    }
}
