package dev.agentteam.qa;

import java.util.ArrayList;

import java.util.List;

import java.util.Optional;

import dev.agentteam.common.task.ChangeRound;
import dev.agentteam.common.testreport.TestExecution;
import dev.agentteam.common.testreport.TestFailure;
import dev.agentteam.common.testreport.TestReport;

/**
 * The classification of a CI run's failures, computed from the rerun on the same commit:
 * failed again → regression (or infrastructure when its message says the environment broke), passed on the
 * rerun → flaky, and a run that broke without failing tests (timeout, exit without results) → infrastructure or
 * a build regression, from the log.
 */
record Triage(List<Item> items) {

    /** One failing test (or the whole run, {@link #RUN}) with its classification and why. */
    record Item(String name, String message, Classification classification, String reason) {

        ChangeRound.Failure toResult() {
            return new ChangeRound.Failure(name, message, classification.key(), reason);
        }
    }

    static final String RUN = "(the CI run)";

    static Triage of(TestReport ci, boolean ciTimedOut, String ciLog, TestExecution rerun) {
        List<Item> items = new ArrayList<>();
        TestReport again = rerun.report();
        boolean rerunRan = again.found() && again.tests() > 0 && !rerun.process().timedOut();
        for (TestFailure failure : ci.failed()) {
            Optional<TestFailure> still = again.failed().stream().filter(f -> f.name().equals(failure.name())).findFirst();
            Optional<String> infra = InfrastructureSignals.find(failure.message());
            if (still.isPresent()) {
                Optional<String> infraAgain = infra.or(() -> InfrastructureSignals.find(still.get().message()));
                items.add(infraAgain.isPresent()
                        ? new Item(failure.name(), failure.message(), Classification.INFRASTRUCTURE,
                                infraAgain.get() + ", on both runs")
                        : new Item(failure.name(), failure.message(), Classification.REGRESSION, "failed again on the rerun"));
            } else if (rerunRan) {
                items.add(new Item(failure.name(), failure.message(), Classification.FLAKY, "passed on the rerun"));
            } else {
                items.add(new Item(failure.name(), failure.message(), Classification.INFRASTRUCTURE,
                        "the rerun produced no test results" + infra.map(r -> " (" + r + ")").orElse("")));
            }
        }
        if (ci.failed().isEmpty()) {
            items.add(runItem(ci, ciTimedOut, ciLog, rerun));
        }
        return new Triage(items);
    }

    /** CI failed without naming a failing test: the build, a timeout or the environment. */
    private static Item runItem(TestReport ci, boolean timedOut, String log, TestExecution rerun) {
        if (timedOut) {
            return new Item(RUN, "the run hit its time limit", Classification.INFRASTRUCTURE, "timeout");
        }
        Optional<String> infra = InfrastructureSignals.find(log).or(() -> InfrastructureSignals.find(rerun.process().output()));
        if (infra.isPresent()) {
            return new Item(RUN, "the run failed without a failing test", Classification.INFRASTRUCTURE, infra.get());
        }
        if (rerun.green()) {
            return new Item(RUN, "the run failed without a failing test", Classification.FLAKY, "the rerun passed");
        }
        return new Item(RUN, ci.found() ? "the run exited with an error" : "the build or test command failed before "
                + "reporting tests", Classification.REGRESSION, "failed again on the rerun");
    }

    List<Item> of(Classification classification) {
        return items.stream().filter(i -> i.classification() == classification).toList();
    }

    /** The overall verdict: any regression wins, then infrastructure, then flaky. */
    Classification verdict() {
        if (!of(Classification.REGRESSION).isEmpty()) {
            return Classification.REGRESSION;
        }
        return of(Classification.INFRASTRUCTURE).isEmpty() ? Classification.FLAKY : Classification.INFRASTRUCTURE;
    }
}
