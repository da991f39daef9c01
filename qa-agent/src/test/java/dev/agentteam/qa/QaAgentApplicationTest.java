package dev.agentteam.qa;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.testing.AgentApplicationTest;

class QaAgentApplicationTest extends AgentApplicationTest {

    QaAgentApplicationTest() {
        super(AgentRole.QA);
    }
}
