package dev.agentteam.orchestrator.mergegate;

import dev.agentteam.common.codehost.MergeMethod;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentteam.merge.*}.
 *
 * @param requireDifferentApprover the approval must come from someone other than the owner of the story's epic
 * @param defaultMethod            how a pull request is merged when the request names no method
 */
@ConfigurationProperties("agentteam.merge")
record MergeGateProperties(@DefaultValue("true") boolean requireDifferentApprover,
        @DefaultValue("MERGE") MergeMethod defaultMethod) {
}
