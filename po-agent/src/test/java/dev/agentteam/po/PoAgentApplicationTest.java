package dev.agentteam.po;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.testing.AgentApplicationTest;

class PoAgentApplicationTest extends AgentApplicationTest {

    PoAgentApplicationTest() {
        super(AgentRole.PO);
    }
}
