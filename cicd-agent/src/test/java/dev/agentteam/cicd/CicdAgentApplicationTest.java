package dev.agentteam.cicd;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.testing.AgentApplicationTest;

class CicdAgentApplicationTest extends AgentApplicationTest {

    CicdAgentApplicationTest() {
        super(AgentRole.CICD);
    }
}
