package dev.noema.llm;

/** How {@link ChatCalls} uses its {@link ResponseCache}. */
public enum CacheMode {
  /**
   * Answer from the cache when it can, else ask the provider and store the answer (the default).
   */
  USE,
  /** Answer from the cache only; a miss is reported, never sent ({@code --offline}). */
  OFFLINE,
  /**
   * Always ask the provider, and store the answer (a stability run, which must see fresh answers).
   */
  REFRESH
}
