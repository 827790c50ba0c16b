package dev.noema.prompt;

import java.time.Duration;
import java.util.List;

/**
 * A model's answer.
 *
 * @param text the answer as the model wrote it
 * @param citations the context citations the answer uses ([T1] resolved to its turn), in order of
 *     first use; empty for a baseline answer
 * @param unknownKeys keys the answer cites that the context does not have (invented citations), in
 *     order
 * @param inputTokens prompt tokens as the provider reports them, or counted with o200k_base when it
 *     does not
 * @param outputTokens answer tokens, likewise
 * @param tokensEstimated true when the provider did not report usage and the counts are ours
 * @param latency wall-clock time of the model call
 * @param model the model name the provider reports, or null
 */
public record Answer(
    String text,
    List<Citation> citations,
    List<String> unknownKeys,
    int inputTokens,
    int outputTokens,
    boolean tokensEstimated,
    Duration latency,
    String model) {

  public Answer {
    citations = List.copyOf(citations);
    unknownKeys = List.copyOf(unknownKeys);
  }
}
