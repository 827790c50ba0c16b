package dev.noema.prompt;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An embedding model built when it first embeds. The in-process MiniLM loads its ONNX model and
 * native runtime as its class initialises (two seconds of a {@code noema context}), which a
 * question that needs no embedding never has to pay: one that the semantic ranking leaves out (see
 * {@link NodeIndex}) asked of a knowledge base whose node embeddings are cached. Thread-safe: the
 * model is built once.
 */
public final class LazyEmbeddingModel implements EmbeddingModel {
  private final String name;
  private final Supplier<? extends EmbeddingModel> build;
  private volatile EmbeddingModel model;

  /**
   * @param type the class of the model {@code build} returns: it names the model (its vectors are
   *     cached under that name) without loading it
   * @param build builds the model, on first use
   */
  public <M extends EmbeddingModel> LazyEmbeddingModel(Class<M> type, Supplier<M> build) {
    this.name = type.getName();
    this.build = Objects.requireNonNull(build, "build");
  }

  /** The class name of the model, as {@link NodeIndex} names an in-process model. */
  @Override
  public String modelName() {
    return name;
  }

  @Override
  public Response<Embedding> embed(String text) {
    return model().embed(text);
  }

  @Override
  public Response<Embedding> embed(TextSegment segment) {
    return model().embed(segment);
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    return model().embedAll(segments);
  }

  @Override
  public int dimension() {
    return model().dimension();
  }

  private EmbeddingModel model() {
    EmbeddingModel built = model;
    if (built == null) {
      synchronized (this) {
        if (model == null) {
          model = build.get();
        }
        built = model;
      }
    }
    return built;
  }
}
