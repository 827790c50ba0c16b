package dev.noema.prompt;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.concurrent.CompletableFuture;

/**
 * Counts tokens as OpenAI's cl100k_base tokenizer does (jtokkit): the budget's unit. Thread-safe.
 */
public final class TokenCounter {
  /**
   * Loading an encoding takes most of a second (the default registry loads all five): one immutable
   * encoding shared by every counter, so an ask or a server request does not pay it again. It loads
   * on a background thread from the moment the first counter is made (a retrieval makes one when it
   * is built), beside the reading of the meaning layer, which comes first; the first count waits
   * for it.
   */
  private static final CompletableFuture<Encoding> ENCODING =
      CompletableFuture.supplyAsync(
          () -> Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE));

  /** The number of tokens of {@code text}; 0 for null or empty. */
  public int count(String text) {
    return text == null || text.isEmpty() ? 0 : ENCODING.join().countTokensOrdinary(text);
  }
}
