package dev.agentteam.orchestrator.metrics;

/**
 * One named part of the metrics report, computed by SQL over the system of record. New metrics (tokens per
 * agent, test pass rate, flaky rate, CLARIFY count) are new sections: a bean implementing this, with an order.
 */
interface MetricSection {

    /** The snake_case key of this section in the report. */
    String name();

    /** Position in the report; lower comes first. */
    int order();

    Object compute(MetricScope scope);
}
