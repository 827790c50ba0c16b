package dev.noema.extract;

import java.util.Objects;

/**
 * Who extracted, for provenance.
 *
 * @param name the extractor's name ({@link Extractor#name()}); names its extraction graphs
 * @param provider the LLM provider ("openai", "anthropic", "ollama"), or null for a non-LLM
 *     extractor
 * @param model the LLM model name, or null
 * @param promptHash SHA-256 of the prompt template and schema, or null
 */
public record ExtractorInfo(String name, String provider, String model, String promptHash) {
  public ExtractorInfo {
    Objects.requireNonNull(name, "extractor name");
  }

  /** An extractor that uses no LLM. */
  public static ExtractorInfo structural(String name) {
    return new ExtractorInfo(name, null, null, null);
  }
}
