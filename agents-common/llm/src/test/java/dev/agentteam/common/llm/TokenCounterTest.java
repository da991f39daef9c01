package dev.agentteam.common.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCounterTest {

    private final TokenCounter counter = TokenCounter.forModel("gpt-4o-mini");

    @Test
    void aToolCallWithBrokenJsonArgumentsIsCountedByItsText() {
        String broken = "{\"path\": \"src/app.py";
        AiMessage call = AiMessage.from(ToolExecutionRequest.builder().id("1").name("read_file").arguments(broken).build());

        int tokens = counter.message(call);

        assertThat(tokens).isGreaterThanOrEqualTo(counter.text("read_file") + counter.text(broken));
    }

    @Test
    void longerTextCostsMoreTokens() {
        assertThat(counter.message(UserMessage.from("fix the failing test in the parser module and keep the others green")))
                .isGreaterThan(counter.message(UserMessage.from("fix it")));
    }

    @Test
    void anUnknownModelFallsBackToAnEncodingJtokkitKnows() {
        assertThat(TokenCounter.forModel("qwen2.5-coder:7b").encodingModel()).isEqualTo(TokenCounter.FALLBACK_MODEL);
    }
}
