package dev.noema.prompt;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens as OpenAI's cl100k_base tokenizer does (jtokkit): the budget's unit. Thread-safe.
 */
public final class TokenCounter {
  /**
   * Loading an encoding takes most of a second (the default registry loads all five): one lazily
   * loaded, immutable encoding shared by every counter, so an ask or a server request does not pay
   * it again.
   */
  private static final Encoding ENCODING =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

  /** The number of tokens of {@code text}; 0 for null or empty. */
  public int count(String text) {
    return text == null || text.isEmpty() ? 0 : ENCODING.countTokensOrdinary(text);
  }
}
