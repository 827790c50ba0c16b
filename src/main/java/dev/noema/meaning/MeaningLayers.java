package dev.noema.meaning;

import dev.noema.ontology.OntologyModel;
import dev.noema.store.GraphEntry;
import dev.noema.store.GraphStore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;

/**
 * Reads the {@link MeaningLayer} of a store with one query ({@code meaning-layer.rq}: the triples
 * {@link MeaningReader} reads, nothing else) and keeps it for as long as the store is unchanged.
 * The store's registry of named graphs and their content hashes says when it changed: {@link
 * #current()} compares it with the one the layer was read at and reads again when they differ.
 *
 * <p>Thread-safe: concurrent callers share one read; a new layer is swapped in whole.
 */
public final class MeaningLayers {
  /** The query without its header comment, where ParameterizedSparqlString would look for names. */
  private static final String QUERY = resource("meaning-layer.rq").replaceAll("(?m)^#.*\\R", "");

  private final GraphStore store;
  private final MeaningSchema schema;
  private final String query;
  private final Path cache;
  private volatile MeaningLayer last;

  /**
   * @param store the store to read; not closed by this object
   */
  public MeaningLayers(GraphStore store, MeaningSchema schema) {
    this(store, schema, null);
  }

  /**
   * @param store the store to read; not closed by this object
   * @param cache a folder where the triples of the last layer read are kept (RDF Thrift, named by
   *     the store's fingerprint and the query), so that another process over the unchanged store
   *     parses that file instead of querying the store; null for none
   */
  public MeaningLayers(GraphStore store, MeaningSchema schema, Path cache) {
    this.cache = cache;
    this.store = Objects.requireNonNull(store, "store");
    this.schema = Objects.requireNonNull(schema, "schema");
    ParameterizedSparqlString text = new ParameterizedSparqlString(QUERY);
    text.setValues(
        "entityClasses",
        schema.entityClasses().stream().sorted().map(ResourceFactory::createResource).toList());
    text.setValues(
        "properties",
        MeaningReader.predicates(schema).stream()
            .map(p -> ResourceFactory.createResource(p.getURI()))
            .sorted((a, b) -> a.getURI().compareTo(b.getURI()))
            .toList());
    this.query = text.toString();
  }

  /** The layers of {@code store} as {@code ontology} defines the meaning layer. */
  public static MeaningLayers of(GraphStore store, OntologyModel ontology) {
    return new MeaningLayers(store, MeaningSchema.of(ontology));
  }

  public MeaningSchema schema() {
    return schema;
  }

  /**
   * The meaning layer as the store holds it now: the one read last when the store's registry is
   * unchanged since, else read again. Costs a look at the registry on every call (at a million
   * triples, more than a retrieval): a caller that answers many questions between writes can use
   * {@link #last()}.
   */
  public MeaningLayer current() {
    String fingerprint = fingerprint(store);
    MeaningLayer seen = last;
    if (seen != null && seen.fingerprint().equals(fingerprint)) {
      return seen;
    }
    synchronized (this) {
      if (last == null || !last.fingerprint().equals(fingerprint)) {
        last = read(fingerprint);
      }
      return last;
    }
  }

  /** The layer read last, without looking at the store's registry; read now if none was. */
  public MeaningLayer last() {
    MeaningLayer seen = last;
    return seen != null ? seen : current();
  }

  /** Reads the layer now, whatever was read before; does not replace {@link #last()}. */
  public MeaningLayer read() {
    return read(fingerprint(store));
  }

  private MeaningLayer read(String fingerprint) {
    if (cache == null) {
      MeaningReader reader = new MeaningReader(schema);
      store.construct(query, Map.of(), reader);
      return reader.build(fingerprint);
    }
    // Gzipped: its CRC and length make a damaged or cut-off file fail to read, never read short.
    Path file = cache.resolve("meaning-" + DigestUtils.sha256Hex(fingerprint + query) + ".rt.gz");
    if (Files.isRegularFile(file)) {
      MeaningReader reader = new MeaningReader(schema);
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
        RDFParser.source(in).lang(RDFLanguages.RDFTHRIFT).parse(reader);
        return reader.build(fingerprint);
      } catch (IOException | RuntimeException e) {
        // A damaged cache file (a kill cannot leave one, the rename is atomic; a full disk or a
        // hand can) is read around: the store is the source of truth.
      }
    }
    MeaningReader reader = new MeaningReader(schema);
    try {
      Files.createDirectories(cache);
      Path written = Files.createTempFile(cache, "meaning-", ".tmp");
      try (OutputStream out =
          new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(written)), 1 << 16)) {
        StreamRDF copy = StreamRDFWriter.getWriterStream(out, RDFFormat.RDF_THRIFT);
        // Started and finished here: the store streams the triples, not necessarily the ends.
        copy.start();
        store.construct(query, Map.of(), new Tee(reader, copy));
        copy.finish();
      }
      Files.move(
          written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      removeOthers(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the meaning-layer cache in " + cache, e);
    }
    return reader.build(fingerprint);
  }

  /** Only the layer of the store as it is now is worth keeping. */
  private void removeOthers(Path kept) throws IOException {
    try (var files = Files.list(cache)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (!f.equals(kept) && name.startsWith("meaning-") && name.endsWith(".rt.gz")) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /** Sends what the store streams to the reader and to the cache file alike. */
  private static final class Tee extends StreamRDFWrapper {
    private final StreamRDF copy;

    Tee(StreamRDF reader, StreamRDF copy) {
      super(reader);
      this.copy = copy;
    }

    @Override
    public void triple(Triple triple) {
      super.triple(triple);
      copy.triple(triple);
    }

    @Override
    public void quad(Quad quad) {
      super.quad(quad);
      copy.quad(quad);
    }
  }

  /**
   * A digest of the store's registry (every graph name with its content hash): it changes whenever
   * any graph changes.
   */
  public static String fingerprint(GraphStore store) {
    List<GraphEntry> graphs = store.graphs();
    StringBuilder registry = new StringBuilder(graphs.size() * 120);
    for (GraphEntry entry : graphs) {
      registry.append(entry.name().getURI()).append(' ').append(entry.contentHash()).append('\n');
    }
    return DigestUtils.sha256Hex(registry.toString());
  }

  private static String resource(String name) {
    try (InputStream in = MeaningLayers.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "query resource dev/noema/meaning/" + name + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
