/**
 * Talking to LLM providers: configuration ({@link dev.noema.llm.LlmConfig}, resolved from CLI
 * flags, the environment and {@code noema.yaml}), building the LangChain4j client of the chosen
 * provider ({@link dev.noema.llm.ChatModels}), asking each in its own structured-output mechanism
 * ({@link dev.noema.llm.OutputMode}: OpenAI's strict JSON schema, Ollama's schema format,
 * Anthropic's forced tool; JSON mode as the fallback), and calling it well ({@link
 * dev.noema.llm.ChatCalls}: an on-disk content-addressed cache, a limit on requests in flight,
 * retries with backoff on 429, 5xx and timeouts, one line per provider fault, a call limit, and
 * usage counters). Everything above this package sees only LangChain4j's {@code ChatModel}
 * interface. Keys live only in {@link dev.noema.llm.LlmConfig} and the client; no {@code toString}
 * here prints them.
 */
package dev.noema.llm;
