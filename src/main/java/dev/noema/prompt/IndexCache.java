package dev.noema.prompt;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;

/**
 * The on-disk cache of a {@link NodeIndex} and an {@link EvidenceIndex} in one folder (a knowledge
 * base's {@code index/}): their Lucene indexes in {@code lucene/} and {@code evidence/}, each
 * tagged in its commit data with the key of the content it was built from, and the node embeddings
 * in {@code embeddings.bin}, keyed by the hash of each embedded text.
 *
 * <p>A Lucene index is reused when its key matches and rebuilt whole otherwise (at a million
 * triples that takes seconds). Embeddings, which take minutes, are reused text by text: after a
 * change only the texts not embedded before are embedded. A cache that cannot be read (missing,
 * truncated, from another model, another format version) is rebuilt, never an error; one that
 * cannot be written (a read-only folder, another process holding the Lucene write lock) leaves the
 * index in memory. Not thread-safe: {@link GraphRetrieval} builds one index at a time.
 */
final class IndexCache {
  /**
   * Bumped whenever what the index holds or how it is analysed changes, so that old caches are
   * rebuilt.
   */
  static final int FORMAT = 1;

  private static final String KEY = "noema.key";
  private static final long MAGIC = 0x4e4f454d41454d42L; // "NOEMAEMB"

  private final Path folder;

  /**
   * @param folder where the cache lives; created on first write
   */
  IndexCache(Path folder) {
    this.folder = folder;
  }

  /**
   * An in-memory copy of the Lucene index {@code name} (its folder) with {@code key}: the cached
   * one when it was built with that key, else one that {@code build} fills now (with {@code
   * config}) and that is committed to disk under {@code key} first. The copy holds no file open, so
   * a rebuild never waits for readers of an older index.
   *
   * @throws IOException when the folder can be neither read nor written: the caller builds in
   *     memory then
   */
  Directory lucene(String name, String key, IndexWriterConfig config, IndexBuild build)
      throws IOException {
    try (Directory directory = FSDirectory.open(folder.resolve(name))) {
      if (!key.equals(committedKey(directory))) {
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
          build.fill(writer);
          writer.setLiveCommitData(Map.of(KEY, key).entrySet());
          writer.commit();
        }
      }
      ByteBuffersDirectory copy = new ByteBuffersDirectory();
      for (String file : directory.listAll()) {
        if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
          copy.copyFrom(directory, file, file, IOContext.READONCE);
        }
      }
      return copy;
    }
  }

  /**
   * The Lucene index {@code name}: the copy {@link #lucene} gives from {@code folder} when there is
   * a folder and it can be used, else one that {@code build} fills in memory now. {@code key} is
   * asked only for the cached one.
   */
  static Directory luceneOrInMemory(
      Path folder, String name, Supplier<String> key, Analyzer analyzer, IndexBuild build)
      throws IOException {
    if (folder != null) {
      try {
        return new IndexCache(folder)
            .lucene(name, key.get(), new IndexWriterConfig(analyzer), build);
      } catch (IOException e) {
        // An unusable cache folder: the index is built in memory below.
      }
    }
    Directory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      build.fill(writer);
      writer.commit();
    }
    return directory;
  }

  private static String committedKey(Directory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return null;
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.getIndexCommit().getUserData().get(KEY);
    } catch (IOException e) {
      return null; // a corrupt index is a cache miss: it is rebuilt
    }
  }

  /** Fills a Lucene index. */
  interface IndexBuild {
    void fill(IndexWriter writer) throws IOException;
  }

  /**
   * The normalised embedding of each of {@code texts}, in order: cached vectors of the same {@code
   * model} where the text was embedded before, the rest from {@code embed} (given the missing texts
   * in order, it returns their vectors in order). The file is rewritten with exactly these texts
   * when the set of texts changed; a failure to write it is ignored (the vectors are still
   * returned).
   */
  float[][] embeddings(String model, List<String> texts, Function<List<String>, float[][]> embed) {
    Map<Hash, float[]> cached = readEmbeddings(model);
    float[][] out = new float[texts.size()][];
    List<Hash> hashes = new ArrayList<>(texts.size());
    List<String> missing = new ArrayList<>();
    List<Integer> missingAt = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      Hash hash = Hash.of(texts.get(i));
      hashes.add(hash);
      out[i] = cached.get(hash);
      if (out[i] == null) {
        missing.add(texts.get(i));
        missingAt.add(i);
      }
    }
    if (!missing.isEmpty()) {
      float[][] fresh = embed.apply(missing);
      for (int i = 0; i < fresh.length; i++) {
        out[missingAt.get(i)] = fresh[i];
      }
    }
    Map<Hash, float[]> current = new LinkedHashMap<>();
    for (int i = 0; i < out.length; i++) {
      current.putIfAbsent(
          hashes.get(i), out[i]); // equal texts (two entities with the same label) are stored once
    }
    if (!current.keySet().equals(cached.keySet())) {
      writeEmbeddings(model, current);
    }
    return out;
  }

  /**
   * The cached normalised embedding of each of {@code texts}, in order; null for a text not
   * embedded before. Embeds nothing and writes nothing.
   */
  float[][] cachedEmbeddings(String model, List<String> texts) {
    Map<Hash, float[]> cached = readEmbeddings(model);
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = cached.get(Hash.of(texts.get(i)));
    }
    return out;
  }

  private Map<Hash, float[]> readEmbeddings(String model) {
    Path file = folder.resolve("embeddings.bin");
    Map<Hash, float[]> vectors = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return vectors;
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readLong() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(model)) {
        return vectors;
      }
      int count = in.readInt();
      int dimension = in.readInt();
      for (int i = 0; i < count; i++) {
        Hash hash = new Hash(in.readLong(), in.readLong());
        float[] v = new float[dimension];
        for (int d = 0; d < dimension; d++) {
          v[d] = in.readFloat();
        }
        vectors.put(hash, v);
      }
      return vectors;
    } catch (IOException e) {
      return new HashMap<>(); // a truncated or foreign file is a cache miss
    }
  }

  private void writeEmbeddings(String model, Map<Hash, float[]> vectors) {
    Path temporary = null;
    try {
      Files.createDirectories(folder);
      temporary = Files.createTempFile(folder, "embeddings", ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(
              new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
        out.writeLong(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(model);
        out.writeInt(vectors.size());
        out.writeInt(vectors.isEmpty() ? 0 : vectors.values().iterator().next().length);
        for (Map.Entry<Hash, float[]> e : vectors.entrySet()) {
          out.writeLong(e.getKey().high());
          out.writeLong(e.getKey().low());
          for (float x : e.getValue()) {
            out.writeFloat(x);
          }
        }
      }
      // Readers see the old file or the new one, never a half-written one.
      Files.move(
          temporary,
          folder.resolve("embeddings.bin"),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Unwritable: the next start embeds again; this one has its vectors.
      if (temporary != null) {
        temporary.toFile().delete();
      }
    }
  }

  /**
   * The first 128 bits of a text's SHA-256: collisions are out of reach at any knowledge-base size.
   */
  private record Hash(long high, long low) {
    static Hash of(String text) {
      byte[] d = DigestUtils.sha256(text);
      long high = 0;
      long low = 0;
      for (int i = 0; i < 8; i++) {
        high = (high << 8) | (d[i] & 0xff);
        low = (low << 8) | (d[i + 8] & 0xff);
      }
      return new Hash(high, low);
    }
  }
}
