package dev.noema.server;

import dev.noema.identity.EntityIris;
import dev.noema.kb.ImportListener;
import dev.noema.kb.ImportRequest;
import dev.noema.kb.KnowledgeBase;
import dev.noema.kb.KnowledgeBaseConfig;
import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * A knowledge base with the sample dialogue imported, plus one entity with a hostile label, served
 * on a free port.
 */
final class ServedSample implements AutoCloseable {
  /** A label that runs script if any page puts it into HTML. */
  static final String XSS_LABEL =
      "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=1\">xss-probe";

  static final Node XSS_ENTITY = EntityIris.of("xss probe");

  final KnowledgeBase kb;
  final NoemaServer server;

  private ServedSample(KnowledgeBase kb, NoemaServer server) {
    this.kb = kb;
    this.server = server;
  }

  static ServedSample start(
      Path folder, java.util.function.Function<NoemaServer.Builder, NoemaServer.Builder> options) {
    return start(KnowledgeBaseConfig.folder(folder), options);
  }

  static ServedSample start(
      KnowledgeBaseConfig config,
      java.util.function.Function<NoemaServer.Builder, NoemaServer.Builder> options) {
    KnowledgeBase kb = KnowledgeBase.open(config);
    kb.importLogs(ImportRequest.of(List.of(Path.of("import/samples"))), ImportListener.NONE);
    Node recursia = EntityIris.of("RECURSIA");
    kb.store()
        .apply(
            GraphChange.put(
                new GraphContent(
                    Iris.derivedGraph("test-xss"),
                    "test",
                    List.of(
                        Triple.create(XSS_ENTITY, RDF.type.asNode(), Noema.Concept),
                        Triple.create(
                            XSS_ENTITY,
                            Noema.canonicalLabel,
                            NodeFactory.createLiteralString(XSS_LABEL)),
                        Triple.create(XSS_ENTITY, Noema.relatedTo, recursia)))));
    NoemaServer server = options.apply(NoemaServer.builder(kb).port(0)).build().start();
    return new ServedSample(kb, server);
  }

  String url() {
    return server.url();
  }

  @Override
  public void close() {
    server.close();
    kb.close();
  }
}
