package dev.agentteam.review;

import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.testing.AgentApplicationTest;

class ReviewAgentApplicationTest extends AgentApplicationTest {

    ReviewAgentApplicationTest() {
        super(AgentRole.REVIEW);
    }
}
