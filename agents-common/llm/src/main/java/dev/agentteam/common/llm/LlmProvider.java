package dev.agentteam.common.llm;

/** Where a role's chat model comes from. Settings accept the lower-case names ({@code openai}, ...). */
public enum LlmProvider {
    /** Deterministic replay of scenario files: offline demos and tests. Not AI. */
    SCRIPTED,
    /** Any OpenAI-compatible chat-completions endpoint: OpenAI, vLLM, llama.cpp server, LM Studio, Ollama's /v1. */
    OPENAI,
    /** Ollama's native API. */
    OLLAMA,
    /** Anthropic's Messages API. */
    ANTHROPIC
}
