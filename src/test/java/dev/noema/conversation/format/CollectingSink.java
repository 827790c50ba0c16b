package dev.noema.conversation.format;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.ConversationFormat;
import dev.noema.conversation.ConversationSink;
import dev.noema.conversation.ImportProblem;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.ReadOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test double: keeps what a format delivers, in order. */
final class CollectingSink implements ConversationSink {
  final List<Conversation> accepted = new ArrayList<>();
  final List<ImportProblem> rejected = new ArrayList<>();

  @Override
  public void accept(Conversation conversation) {
    accepted.add(conversation);
  }

  @Override
  public void reject(ImportProblem problem) {
    rejected.add(problem);
  }

  /** Reads a file with a format into a fresh sink. */
  static CollectingSink read(ConversationFormat format, Path file, ReadOptions options) {
    CollectingSink sink = new CollectingSink();
    try {
      format.read(LogSource.of(file), options, sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sink;
  }

  /** A test resource under {@code formats/}. */
  static Path fixture(String name) {
    URL resource = CollectingSink.class.getResource("/formats/" + name);
    if (resource == null) {
      throw new IllegalStateException("missing fixture " + name);
    }
    try {
      return Path.of(resource.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every option on. */
  static ReadOptions everything() {
    return new ReadOptions(true, true, true, true, true, true);
  }
}
