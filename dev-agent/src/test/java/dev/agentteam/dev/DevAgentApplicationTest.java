package dev.agentteam.dev;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.testing.AgentApplicationTest;

class DevAgentApplicationTest extends AgentApplicationTest {

    DevAgentApplicationTest() {
        super(AgentRole.DEV);
    }
}
