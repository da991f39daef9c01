package dev.agentteam.common.llm;

import dev.agentteam.common.audit.AgentLogWriter;
import dev.agentteam.common.task.TaskEnvelope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entry point for role handlers: one {@link ModelSession} per task attempt, carrying the task's context
 * into the audit trail and its own budget.
 */
public class LlmGateway {

    private final ChatModelFactory models;
    private final LlmProperties properties;
    private final PriceTable prices;
    private final AgentLogWriter audit;
    /** Loading an encoding takes a while; one counter per model name serves every session. */
    private final Map<String, TokenCounter> counters = new ConcurrentHashMap<>();

    /** @param audit may be null where no database is configured; calls are then not audited */
    public LlmGateway(ChatModelFactory models, LlmProperties properties, AgentLogWriter audit) {
        this.models = models;
        this.properties = properties;
        this.prices = new PriceTable(properties.prices());
        this.audit = audit;
    }

    public ModelSession open(TaskEnvelope task, String promptVersion) {
        return open(ModelCallContext.of(task, promptVersion));
    }

    public ModelSession open(ModelCallContext context) {
        String modelName = models.modelName(context.role());
        ContextCondenser condenser = new ContextCondenser(
                counters.computeIfAbsent(modelName == null ? "" : modelName, TokenCounter::forModel),
                properties.contextFor(context.role()));
        return new ModelSession(context, models.forRole(context.role()), modelName, properties.budget(), prices, audit,
                condenser);
    }
}
