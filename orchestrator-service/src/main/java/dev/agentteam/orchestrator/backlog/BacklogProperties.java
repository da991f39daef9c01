package dev.agentteam.orchestrator.backlog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the backlog ({@code agentteam.backlog.*}).
 *
 * @param requireStoryAcceptance when true, the PO's stories arrive PROPOSED and a person accepts each one
 *                               ({@code POST /api/stories/{id}/accept}) before it is READY for sprint planning
 */
@ConfigurationProperties("agentteam.backlog")
record BacklogProperties(@DefaultValue("false") boolean requireStoryAcceptance) {
}
