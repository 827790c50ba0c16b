package dev.noema.llm;

/** How a provider is made to answer in JSON. */
public enum OutputMode {
  /**
   * Structured output: the request carries the JSON schema, enforced strictly by the provider
   * (OpenAI-compatible).
   */
  JSON_SCHEMA,
  /**
   * JSON mode: the provider guarantees JSON but not the schema, which the instructions state
   * (Ollama).
   */
  JSON_MODE,
  /**
   * Instructions only: the schema is stated in the prompt and the answer parsed and checked
   * (Anthropic).
   */
  INSTRUCTIONS
}
