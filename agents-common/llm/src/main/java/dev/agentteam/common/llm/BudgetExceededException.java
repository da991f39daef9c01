package dev.agentteam.common.llm;

/** A per-task budget (steps, tokens or cost) is spent; the call was not made. Permanent for this attempt. */
public class BudgetExceededException extends LlmException {

    private final String budget;

    public BudgetExceededException(String budget, String used, String limit) {
        super("budget '" + budget + "' exceeded: used " + used + " of " + limit, null);
        this.budget = budget;
    }

    /** Which budget: {@code max-steps}, {@code max-tokens} or {@code max-cost-usd}. */
    public String budget() {
        return budget;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
