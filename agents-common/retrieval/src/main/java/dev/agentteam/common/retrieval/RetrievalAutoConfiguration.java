package dev.agentteam.common.retrieval;

import dev.agentteam.common.audit.AgentLogWriter;
import dev.agentteam.common.codehost.CodeHosts;
import dev.agentteam.common.codehost.EmbeddedForgeProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** {@link CodeRetrieval} for agent processes (those with a worker role): search over the orchestrator's index. */
@AutoConfiguration(afterName = {"dev.agentteam.common.audit.AuditAutoConfiguration",
        "dev.agentteam.common.codehost.CodeHostsAutoConfiguration"})
@ConditionalOnProperty("agentteam.worker.role")
@EnableConfigurationProperties({RetrievalProperties.class, EmbeddedForgeProperties.class})
public class RetrievalAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CodeRetrieval codeRetrieval(RetrievalProperties properties, EmbeddedForgeProperties forge, CodeHosts codeHosts,
                                ObjectProvider<AgentLogWriter> writer) {
        return new CodeRetrieval(properties, forge, codeHosts, new RetrievalLog(writer.getIfAvailable()));
    }
}
