package dev.agentteam.qa;

import dev.agentteam.common.testing.RuntimeBeansTest;

/** The QA agent: no retrieval, no artifact store. */
class QaAgentBeansTest extends RuntimeBeansTest {

    QaAgentBeansTest() {
        super(
                "dev.agentteam.common.audit",
                "dev.agentteam.common.codehost",
                "dev.agentteam.common.llm",
                "dev.agentteam.common.observability",
                "dev.agentteam.common.prompt",
                "dev.agentteam.common.queue",
                "dev.agentteam.common.sandbox",
                "dev.agentteam.common.testreport",
                "dev.agentteam.common.worker",
                "dev.agentteam.common.workspace");
    }
}
