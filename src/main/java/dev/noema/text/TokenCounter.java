package dev.noema.text;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.concurrent.CompletableFuture;

/**
 * Noema's one token count, for every budget it keeps: the context a prompt gets and the chunks an
 * LLM extractor sends. Counts as OpenAI's {@code o200k_base} tokenizer does (jtokkit), the encoding
 * of the GPT-4o and later models Noema is configured with by default; for any other provider it is
 * an estimate. It also fits Noema's text better than the older {@code o200k_base}: the sample
 * dialogue, mostly Russian, is 10,509 tokens in o200k and 11,582 in cl100k. Thread-safe.
 */
public final class TokenCounter {
  /** The name of the encoding, as printed beside estimated counts. */
  public static final String ENCODING_NAME = "o200k_base";

  /**
   * Loading an encoding takes most of a second (the default registry loads all five): one immutable
   * encoding shared by every counter, so an ask or a server request does not pay it again. It loads
   * on a background thread from the moment the first counter is made (a retrieval makes one when it
   * is built), beside the reading of the meaning layer, which comes first; the first count waits
   * for it.
   */
  private static final CompletableFuture<Encoding> ENCODING =
      CompletableFuture.supplyAsync(
          () -> Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE));

  /** The number of tokens of {@code text}; 0 for null or empty. */
  public int count(String text) {
    return text == null || text.isEmpty() ? 0 : ENCODING.join().countTokensOrdinary(text);
  }
}
