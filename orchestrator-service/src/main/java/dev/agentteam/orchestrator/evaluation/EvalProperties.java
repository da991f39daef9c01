package dev.agentteam.orchestrator.evaluation;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the evaluation harness ({@code agentteam.eval.*}).
 *
 * @param suitesDir    where suites named on the API live besides {@code bundled} (a directory per suite, or a JSONL file)
 * @param taskTimeout  the longest one task may take from its story to a verdict (default for runs that give none)
 * @param settle       whole-system mode: how long a story must have no unfinished task before it is judged
 * @param pollInterval how often a running task's state is read
 * @param judgeTimeout wall-clock limit of the held-out test run in the sandbox
 */
@ConfigurationProperties("agentteam.eval")
record EvalProperties(@DefaultValue("eval/suites") Path suitesDir, @DefaultValue("30m") Duration taskTimeout,
                      @DefaultValue("10s") Duration settle, @DefaultValue("2s") Duration pollInterval,
                      @DefaultValue("10m") Duration judgeTimeout) {
}
