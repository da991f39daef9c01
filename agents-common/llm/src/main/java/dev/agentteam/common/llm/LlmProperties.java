package dev.agentteam.common.llm;

import dev.agentteam.common.task.AgentRole;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the LLM gateway ({@code agentteam.llm.*}). Top-level values are the defaults for every role;
 * {@code agentteam.llm.roles.<role>.*} overrides any of them for one role.
 *
 * @param provider       {@code scripted} (default), {@code openai}, {@code ollama} or {@code anthropic}
 * @param baseUrl        the provider's endpoint; empty means the provider's public default
 * @param apiKey         from the environment only ({@code AGENTTEAM_LLM_API_KEY}); never logged
 * @param model          the model name sent to the provider
 * @param temperature    sampling temperature; empty leaves the provider's default
 * @param timeout        connect and read timeout of each HTTP call
 * @param maxRetries     retries after the first try for 429, 5xx and I/O errors
 * @param initialBackoff first wait between retries; doubles each time up to {@code maxBackoff}
 * @param maxBackoff     the longest wait between retries, also the cap on a provider's Retry-After
 * @param roles          per-role overrides, keyed by role key ({@code po}, {@code dev}, ...)
 * @param prices         USD per million tokens, keyed by model name, for the cost column of agent_logs
 * @param scripted       where the scripted model finds its scenario files
 * @param budget         per-task limits checked before every model call
 * @param context        how large one model call's input may grow (docs/adr/bounded-context.md)
 */
@ConfigurationProperties("agentteam.llm")
public record LlmProperties(
        @DefaultValue("scripted") LlmProvider provider,
        String baseUrl,
        String apiKey,
        String model,
        Double temperature,
        @DefaultValue("120s") Duration timeout,
        @DefaultValue("3") int maxRetries,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("60s") Duration maxBackoff,
        Map<String, RoleOverride> roles,
        Map<String, Price> prices,
        @DefaultValue Scripted scripted,
        @DefaultValue Budget budget,
        @DefaultValue Context context) {

    private static final RoleOverride NO_OVERRIDE = new RoleOverride(null, null, null, null, null, null, null, null);

    public LlmProperties {
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        prices = prices == null ? Map.of() : Map.copyOf(prices);
        context = context == null ? Context.defaults() : context;
        if (maxRetries < 0) {
            throw new IllegalArgumentException("agentteam.llm.max-retries must be >= 0, was " + maxRetries);
        }
    }

    /**
     * Any field left empty inherits the top-level value.
     *
     * @param maxInputTokens this role's input-token budget per model call (overrides
     *                       agentteam.llm.context.max-input-tokens)
     */
    public record RoleOverride(LlmProvider provider, String baseUrl, String apiKey, String model, Double temperature,
                               Duration timeout, Integer maxRetries, Integer maxInputTokens) {

        @Override
        public String toString() {
            return "RoleOverride[provider=" + provider + ", baseUrl=" + baseUrl + ", apiKey=" + mask(apiKey)
                    + ", model=" + model + ", temperature=" + temperature + ", timeout=" + timeout
                    + ", maxRetries=" + maxRetries + ", maxInputTokens=" + maxInputTokens + "]";
        }
    }

    @Override
    public String toString() {
        // records print every component; the key must never reach a log line or an error message
        return "LlmProperties[provider=" + provider + ", baseUrl=" + baseUrl + ", apiKey=" + mask(apiKey)
                + ", model=" + model + ", temperature=" + temperature + ", timeout=" + timeout + ", maxRetries="
                + maxRetries + ", roles=" + roles + ", prices=" + prices.keySet() + ", scripted=" + scripted
                + ", budget=" + budget + ", context=" + context + "]";
    }

    private static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "(none)" : "(set)";
    }

    /** USD per million input and output tokens. */
    public record Price(BigDecimal inputPerMtok, BigDecimal outputPerMtok) {
    }

    /** @param scenarios a Spring resource location: {@code classpath:prompts/scenarios} (default) or {@code file:/dir} */
    public record Scripted(@DefaultValue("classpath:prompts/scenarios") String scenarios) {
    }

    /**
     * Limits for one task attempt; a call is refused before it is made once any of them is spent.
     *
     * @param maxSteps   model calls one task attempt may make
     * @param maxTokens  input plus output tokens one task attempt may use
     * @param maxCostUsd US dollars one task attempt may cost, estimated from agentteam.llm.prices
     * @param maxRepeatedToolCalls answers in a row with exactly the same tool calls that stop the attempt as a loop
     *                             (0: never)
     */
    public record Budget(@DefaultValue("40") int maxSteps, @DefaultValue("400000") long maxTokens,
                         @DefaultValue("2.00") BigDecimal maxCostUsd, @DefaultValue("3") int maxRepeatedToolCalls) {
    }

    /**
     * Bounds on one model call's input, counted with a real tokenizer for the role's model.
     *
     * @param maxInputTokens         input tokens one model call may send (tool definitions included); the default
     *                               for every role, agentteam.llm.roles.&lt;role&gt;.max-input-tokens overrides it
     * @param maxToolOutputTokens    a tool output above this keeps its head and tail and a note naming the lines
     *                               left out
     * @param keepRecentObservations tool outputs kept in full; older ones collapse to a one-line note
     * @param testTools              tools whose latest output is never collapsed (the latest test failure)
     */
    public record Context(@DefaultValue("32000") int maxInputTokens, @DefaultValue("2000") int maxToolOutputTokens,
                          @DefaultValue("5") int keepRecentObservations, @DefaultValue("run_tests") List<String> testTools) {

        public Context {
            if (maxInputTokens < 1000 || maxToolOutputTokens < 100 || maxToolOutputTokens > maxInputTokens / 2) {
                throw new IllegalArgumentException("agentteam.llm.context: max-input-tokens must be >= 1000 and "
                        + "max-tool-output-tokens between 100 and half of it, were " + maxInputTokens + " and "
                        + maxToolOutputTokens);
            }
            testTools = testTools == null ? List.of() : List.copyOf(testTools);
        }

        /** The values the annotations above give when nothing is set. */
        public static Context defaults() {
            return new Context(32000, 2000, 5, List.of("run_tests"));
        }

        Context withMaxInputTokens(int tokens) {
            return new Context(tokens, Math.min(maxToolOutputTokens, tokens / 2), keepRecentObservations, testTools);
        }
    }

    /** The context bounds of one role: the shared ones with the role's own input budget if it has one. */
    public Context contextFor(AgentRole role) {
        RoleOverride o = roles.getOrDefault(role.key(), NO_OVERRIDE);
        return o.maxInputTokens() == null ? context : context.withMaxInputTokens(o.maxInputTokens());
    }

    /** The effective settings of one role. */
    public ModelSettings forRole(AgentRole role) {
        RoleOverride o = roles.getOrDefault(role.key(), NO_OVERRIDE);
        LlmProvider p = o.provider() != null ? o.provider() : provider;
        return new ModelSettings(role, p,
                o.baseUrl() != null ? o.baseUrl() : baseUrl,
                o.apiKey() != null ? o.apiKey() : apiKey,
                o.model() != null ? o.model() : model,
                o.temperature() != null ? o.temperature() : temperature,
                o.timeout() != null ? o.timeout() : timeout,
                o.maxRetries() != null ? o.maxRetries() : maxRetries,
                initialBackoff, maxBackoff);
    }

    /** The resolved settings of one role's model. */
    public record ModelSettings(AgentRole role, LlmProvider provider, String baseUrl, String apiKey, String model,
                                Double temperature, Duration timeout, int maxRetries, Duration initialBackoff,
                                Duration maxBackoff) {

        @Override
        public String toString() {
            // the API key stays out of every log line and error message
            return "ModelSettings[role=" + role.key() + ", provider=" + provider + ", baseUrl=" + baseUrl
                    + ", model=" + model + ", timeout=" + timeout + ", maxRetries=" + maxRetries + "]";
        }
    }
}
