package dev.agentteam.scrum;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.testing.AgentApplicationTest;

class ScrumAgentApplicationTest extends AgentApplicationTest {

    ScrumAgentApplicationTest() {
        super(AgentRole.SCRUM);
    }
}
