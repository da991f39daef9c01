package dev.agentteam.common.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetTest {

    @Test
    void tokensAreCheckedBeforeTheNextCall() {
        Budget budget = new Budget(new LlmProperties.Budget(10, 1000, new BigDecimal("5"), 3));
        budget.checkBeforeCall();
        budget.record(800, 250, BigDecimal.ZERO);

        assertThatThrownBy(budget::checkBeforeCall).isInstanceOf(BudgetExceededException.class)
                .hasMessage("budget 'max-tokens' exceeded: used 1050 tokens of 1000")
                .satisfies(e -> assertThat(((BudgetExceededException) e).budget()).isEqualTo("max-tokens"));
    }

    @Test
    void costIsCheckedBeforeTheNextCall() {
        Budget budget = new Budget(new LlmProperties.Budget(10, 1_000_000, new BigDecimal("0.01"), 3));
        PriceTable prices = new PriceTable(Map.of("m", new LlmProperties.Price(new BigDecimal("3"), new BigDecimal("15"))));
        budget.record(2000, 400, prices.cost("m", 2000, 400));

        assertThatThrownBy(budget::checkBeforeCall)
                .hasMessage("budget 'max-cost-usd' exceeded: used $0.012000 of $0.01");
    }

    @Test
    void unknownModelsCostNothing() {
        PriceTable prices = new PriceTable(Map.of());

        assertThat(prices.cost("local-llama", 1_000_000, 1_000_000)).isEqualByComparingTo("0");
    }
}
