package dev.agentteam.common.llm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** USD cost of a call from {@code agentteam.llm.prices.<model>}; models without a price cost nothing. */
final class PriceTable {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final Map<String, LlmProperties.Price> prices;

    PriceTable(Map<String, LlmProperties.Price> prices) {
        this.prices = prices;
    }

    BigDecimal cost(String model, long inputTokens, long outputTokens) {
        LlmProperties.Price price = model == null ? null : prices.get(model);
        if (price == null) {
            return BigDecimal.ZERO.setScale(6);
        }
        BigDecimal in = price.inputPerMtok() == null ? BigDecimal.ZERO : price.inputPerMtok();
        BigDecimal out = price.outputPerMtok() == null ? BigDecimal.ZERO : price.outputPerMtok();
        return in.multiply(BigDecimal.valueOf(inputTokens)).add(out.multiply(BigDecimal.valueOf(outputTokens)))
                .divide(MILLION, 6, RoundingMode.HALF_UP);
    }
}
