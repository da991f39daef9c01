package dev.agentteam.orchestrator.metrics;

import java.util.function.Function;

/**
 * One named part of the metrics report, computed by SQL over the system of record. New metrics are new sections:
 * a bean implementing this, with an order.
 */
interface MetricSection {

    /** The snake_case key of this section in the report. */
    String name();

    /** Position in the report; lower comes first. */
    int order();

    /** The section's value for this scope; may be null when there is no data to compute it from. */
    Object compute(MetricScope scope);

    static MetricSection of(String name, int order, Function<MetricScope, Object> compute) {
        return new MetricSection() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public Object compute(MetricScope scope) {
                return compute.apply(scope);
            }
        };
    }
}
