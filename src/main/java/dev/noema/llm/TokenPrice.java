package dev.noema.llm;

import java.util.Locale;

/**
 * What a provider charges, per million tokens, for what it reads and for what it writes.
 *
 * @param inputPerMillion price of a million prompt tokens, at least 0
 * @param outputPerMillion price of a million completion tokens, at least 0
 */
public record TokenPrice(double inputPerMillion, double outputPerMillion) {
  public TokenPrice {
    if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0)) {
      throw new LlmException(
          "a price per million tokens must be 0 or more, was "
              + inputPerMillion
              + " and "
              + outputPerMillion);
    }
  }

  /**
   * A price written {@code INPUT,OUTPUT} ("0.15,0.60").
   *
   * @param where names the source for the error message ("--price-per-million")
   * @throws LlmException when it is not two numbers separated by a comma
   */
  public static TokenPrice parse(String spec, String where) {
    String[] parts = spec.split(",");
    try {
      if (parts.length == 2) {
        return new TokenPrice(
            Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new LlmException(
        where
            + ": expected INPUT,OUTPUT prices per million tokens (0.15,0.60), got '"
            + spec
            + "'");
  }

  /** The price of {@code promptTokens} read and {@code completionTokens} written. */
  public double cost(long promptTokens, long completionTokens) {
    return (promptTokens * inputPerMillion + completionTokens * outputPerMillion) / 1_000_000;
  }

  /** "0.15,0.60", as {@link #parse} reads it. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s,%s", inputPerMillion, outputPerMillion);
  }
}
