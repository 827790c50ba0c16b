package dev.noema.prompt;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.aggregator.ReciprocalRankFuser;
import dev.noema.ontology.Iris;
import dev.noema.prompt.MeaningSnapshot.Entity;
import dev.noema.prompt.MeaningSnapshot.LangText;
import dev.noema.text.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.VectorUtil;

/**
 * Links a question to meaning-graph nodes by hybrid search, fused by reciprocal rank (Cormack,
 * Clarke and Buettcher, SIGIR 2009, with k = 60).
 *
 * <p>Lexical: a Lucene index (searched in memory) with one document per node; labels and aliases go
 * to name fields, definitions and interpretation statements to text fields, each in a Russian and
 * an English field analysed by Lucene's {@link RussianAnalyzer} or {@link EnglishAnalyzer}
 * (stemming, stop words, lower case); Russian text also goes to a field with Savoy's light stemmer,
 * which treats proper names evenly. A literal goes to the field of its language tag, or of its
 * script when untagged. Both sides are reduced to their {@link Text#key} before analysis (case,
 * Latin accents and punctuation folded, ё as е), so "внима́ние", "ВНИМАНИЕ" and "вниманием" all
 * find "внимание", while "заика" does not find "зайка". The question is searched in every field, so
 * no language detection is needed.
 *
 * <p>Semantic (when an embedding model is given): cosine similarity between the question and each
 * node's labels, aliases and definition, exact (brute force: Lucene's {@link VectorUtil} dot
 * product over unit-length vectors); hits under {@link #MIN_COSINE} are dropped so that an
 * unrelated node is never a seed merely for being the least unrelated.
 *
 * <p>Both can be cached on disk ({@link IndexCache}): the Lucene index keyed by the store's
 * registry and the indexed texts, the embeddings text by text.
 *
 * <p>Thread-safe after construction.
 */
final class NodeIndex {
  /** Reciprocal-rank-fusion constant. */
  static final int RRF_K = 60;

  /** Cosine similarity below which a semantic hit is not a link. */
  static final double MIN_COSINE = 0.3;

  private static final int DEPTH = 20;
  private static final String ID = "id";
  private static final Map<String, Float> FIELDS =
      Map.of(
          "name_ru",
          3f,
          "name_rulight",
          3f,
          "name_en",
          3f,
          "text_ru",
          1f,
          "text_rulight",
          1f,
          "text_en",
          1f);

  private final MeaningSnapshot snapshot;
  private final Analyzer analyzer;
  private final IndexSearcher searcher;
  private final EmbeddingModel embeddings;

  /** Each entity's normalised embedding, by id; null for one not embedded yet. */
  private final float[][] vectors;

  private final int embedded;
  private final boolean englishOnlyEmbeddings;

  /**
   * Indexes {@code snapshot}: in memory when {@code cache} is null, else reusing and refreshing the
   * cache (see {@link IndexCache}) in that folder; a cache folder that cannot be used is ignored
   * and the index built in memory. Every node text is embedded before this returns.
   */
  NodeIndex(MeaningSnapshot snapshot, EmbeddingModel embeddings, Path cache) {
    this(snapshot, embeddings, cache, true);
  }

  /**
   * As {@link #NodeIndex(MeaningSnapshot, EmbeddingModel, Path)}; with {@code embedMissing} false
   * and a cache, only the cached embeddings are used and nothing is embedded (see {@link
   * #embeddedShare}, {@link #withAllEmbedded}).
   */
  NodeIndex(MeaningSnapshot snapshot, EmbeddingModel embeddings, Path cache, boolean embedMissing) {
    this.snapshot = snapshot;
    this.embeddings = embeddings;
    this.englishOnlyEmbeddings = embeddings != null && modelId(embeddings).contains(".AllMiniLm");
    Map<String, Analyzer> perField = new HashMap<>();
    perField.put("name_ru", new RussianAnalyzer());
    perField.put("text_ru", perField.get("name_ru"));
    Analyzer light = russianLight();
    perField.put("name_rulight", light);
    perField.put("text_rulight", light);
    perField.put("name_en", new EnglishAnalyzer());
    perField.put("text_en", perField.get("name_en"));
    this.analyzer = new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), perField);
    List<Document> documents = documents(snapshot);
    IndexCache.IndexBuild build =
        writer -> {
          for (Document doc : documents) {
            writer.addDocument(doc);
          }
        };
    try {
      Directory directory =
          IndexCache.luceneOrInMemory(
              cache, "lucene", () -> key(snapshot, documents), analyzer, build);
      this.searcher = new IndexSearcher(DirectoryReader.open(directory));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the in-memory node index", e);
    }
    if (embeddings == null) {
      this.vectors = new float[0][];
    } else if (cache == null) {
      this.vectors = embed(texts(snapshot), embeddings);
    } else if (embedMissing) {
      this.vectors =
          new IndexCache(cache)
              .embeddings(modelId(embeddings), texts(snapshot), t -> embed(t, embeddings));
    } else {
      this.vectors = new IndexCache(cache).cachedEmbeddings(modelId(embeddings), texts(snapshot));
    }
    this.embedded = count(vectors);
  }

  /** This index with other vectors: the Lucene index is shared. */
  private NodeIndex(NodeIndex index, float[][] vectors) {
    this.snapshot = index.snapshot;
    this.analyzer = index.analyzer;
    this.searcher = index.searcher;
    this.embeddings = index.embeddings;
    this.englishOnlyEmbeddings = index.englishOnlyEmbeddings;
    this.vectors = vectors;
    this.embedded = count(vectors);
  }

  private static int count(float[][] vectors) {
    int count = 0;
    for (float[] v : vectors) {
      count += v == null ? 0 : 1;
    }
    return count;
  }

  private static List<String> texts(MeaningSnapshot snapshot) {
    return snapshot.entities().stream().map(NodeIndex::embeddingText).toList();
  }

  /**
   * The share of nodes whose text is embedded, from 0 to 1: below 1 a question links the others
   * lexically only. 1 without an embedding model (nothing is missing) or without nodes.
   */
  double embeddedShare() {
    return vectors.length == 0 ? 1 : (double) embedded / vectors.length;
  }

  /** How many nodes have no embedding yet; 0 without an embedding model. */
  int missingEmbeddings() {
    return vectors.length - embedded;
  }

  /**
   * This index with every node text embedded: the missing ones embedded now and added to the cache
   * in {@code cache} (null: none). This index itself when none is missing.
   */
  NodeIndex withAllEmbedded(Path cache) {
    if (missingEmbeddings() == 0) {
      return this;
    }
    List<String> texts = texts(snapshot);
    if (cache != null) {
      return new NodeIndex(
          this,
          new IndexCache(cache).embeddings(modelId(embeddings), texts, t -> embed(t, embeddings)));
    }
    float[][] all = vectors.clone();
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < all.length; i++) {
      if (all[i] == null) {
        missing.add(i);
      }
    }
    float[][] fresh = embed(missing.stream().map(texts::get).toList(), embeddings);
    for (int i = 0; i < fresh.length; i++) {
      all[missing.get(i)] = fresh[i];
    }
    return new NodeIndex(this, all);
  }

  /** One document per entity, in entity-id order. */
  private static List<Document> documents(MeaningSnapshot snapshot) {
    // An interpretation says how a perspective understands a concept: the question "how does Kirill
    // understand
    // attention?" names the perspective's holder and words of the statement, so both must find it.
    Map<Integer, List<Entity>> framing = new HashMap<>();
    for (MeaningSnapshot.Item item : snapshot.items()) {
      if (item.kind() == ContextFact.Kind.INTERPRETATION) {
        framing.put(
            item.node(),
            List.of(
                snapshot.entities().get(item.subject()), snapshot.entities().get(item.object())));
      }
    }
    List<Document> documents = new ArrayList<>(snapshot.entities().size());
    for (Entity e : snapshot.entities()) {
      Document doc = document(e);
      for (Entity frame : framing.getOrDefault(e.id(), List.of())) {
        for (LangText t : frame.labels()) {
          add(
              doc, "name_",
              t); // "Kirill's perspective on interpretation" names this node as much as its
          // statement
        }
      }
      documents.add(doc);
    }
    return documents;
  }

  /**
   * What a cached index must have been built from: the format, the store's registry fingerprint and
   * a digest of the documents themselves (so that another ontology over the same store, which
   * selects other entities, is not served a stale index).
   */
  private static String key(MeaningSnapshot snapshot, List<Document> documents) {
    MessageDigest digest = DigestUtils.getSha256Digest();
    DigestUtils.updateDigest(digest, IndexCache.FORMAT + " " + snapshot.fingerprint() + "\n");
    for (Document doc : documents) {
      for (IndexableField field : doc.getFields()) {
        Object value = field.numericValue() != null ? field.numericValue() : field.stringValue();
        DigestUtils.updateDigest(digest, field.name() + "=" + value + "\n");
      }
    }
    return Hex.encodeHexString(digest.digest());
  }

  /**
   * Savoy's light Russian stemmer, which only strips case endings: the Snowball stemmer treats
   * proper names unevenly ("Фейнман" gives "фейнма" but "Фейнманом" gives "фейнман"), the light one
   * gives "фейнман" for both.
   */
  private static Analyzer russianLight() {
    try {
      return CustomAnalyzer.builder()
          .withTokenizer("standard")
          .addTokenFilter("lowercase")
          .addTokenFilter("russianLightStem")
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the light Russian analyzer", e);
    }
  }

  private static Document document(Entity e) {
    Document doc = new Document();
    doc.add(new StoredField(ID, e.id()));
    if (e.canonicalLabel() != null) {
      doc.add(new TextField("name_en", Text.key(e.canonicalLabel()), Field.Store.NO));
    }
    for (List<LangText> names : List.of(e.labels(), e.altLabels())) {
      for (LangText t : names) {
        add(doc, "name_", t);
      }
    }
    for (List<LangText> texts : List.of(e.definitions(), e.statements())) {
      for (LangText t : texts) {
        add(doc, "text_", t);
      }
    }
    return doc;
  }

  /**
   * Russian text goes to the Snowball and the light-stemmed field, anything else to the English
   * field.
   */
  private static void add(Document doc, String prefix, LangText t) {
    String lang = language(t);
    doc.add(new TextField(prefix + lang, Text.key(t.text()), Field.Store.NO));
    if (lang.equals("ru")) {
      doc.add(new TextField(prefix + "rulight", Text.key(t.text()), Field.Store.NO));
    }
  }

  /** "ru" for Russian-tagged or untagged Cyrillic text, else "en". */
  private static String language(LangText t) {
    if (!t.lang().isEmpty()) {
      return t.lang().startsWith("ru") ? "ru" : "en";
    }
    return isCyrillic(t.text()) ? "ru" : "en";
  }

  static boolean isCyrillic(String text) {
    return text.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
  }

  /**
   * What names a model's vectors: its name, or its class name for a model without one (the
   * in-process models, unless wrapped in a {@link LazyEmbeddingModel}, which gives the same name).
   */
  private static String modelId(EmbeddingModel model) {
    String name = model.modelName();
    return name == null || name.equals("unknown") ? model.getClass().getName() : name;
  }

  /** What a node is embedded by: its labels, aliases, definition or statement. */
  private static String embeddingText(Entity e) {
    List<String> parts = new ArrayList<>();
    if (e.canonicalLabel() != null) {
      parts.add(e.canonicalLabel());
    }
    e.labels().stream().map(LangText::text).filter(t -> !parts.contains(t)).forEach(parts::add);
    e.altLabels().stream().map(LangText::text).filter(t -> !parts.contains(t)).forEach(parts::add);
    e.definitions().stream().limit(1).map(LangText::text).forEach(parts::add);
    e.statements().stream().limit(1).map(LangText::text).forEach(parts::add);
    return parts.isEmpty() ? Iris.localName(e.iri()) : String.join("; ", parts);
  }

  private static float[][] embed(List<String> texts, EmbeddingModel model) {
    float[][] out = new float[texts.size()][];
    int batch = 256;
    for (int from = 0; from < texts.size(); from += batch) {
      List<TextSegment> segments =
          texts.subList(from, Math.min(texts.size(), from + batch)).stream()
              .map(TextSegment::from)
              .toList();
      List<Embedding> vectors = model.embedAll(segments).content();
      for (int i = 0; i < vectors.size(); i++) {
        out[from + i] = normalised(vectors.get(i).vector());
      }
    }
    return out;
  }

  /** A unit-length copy, so that a dot product is the cosine; a zero vector stays zero. */
  private static float[] normalised(float[] v) {
    return VectorUtil.l2normalize(v.clone(), false);
  }

  /**
   * The nodes {@code question} links to, best first (the order of LangChain4j's {@link
   * ReciprocalRankFuser} over the lexical and, when it counts, the semantic list: fused score
   * descending, then first found), at most {@code limit}. Empty when nothing matches; never null.
   */
  List<Link> link(String question, int limit, String lang) {
    List<Integer> lexical = lexical(question);
    List<Integer> semantic = semanticCounts(question) ? semantic(question) : List.of();
    List<Content> fused =
        ReciprocalRankFuser.fuse(List.of(contents(lexical), contents(semantic)), RRF_K);
    return fused.stream()
        .limit(limit)
        .map(
            content -> {
              int id = Integer.parseInt(content.textSegment().text());
              int lexicalRank = lexical.indexOf(id) + 1;
              int semanticRank = semantic.indexOf(id) + 1;
              Entity entity = snapshot.entity(id);
              return new Link(
                  entity.iri(),
                  entity.label(lang),
                  fusedScore(lexicalRank) + fusedScore(semanticRank),
                  lexicalRank,
                  semanticRank);
            })
        .toList();
  }

  /** Node ids as the fuser's contents: it tells contents apart by their text. */
  private static List<Content> contents(List<Integer> ids) {
    return ids.stream().map(id -> Content.from(Integer.toString(id))).toList();
  }

  /**
   * A list's share of a node's fused score, 1/(k + rank), or 0 when the list did not find it. The
   * fuser orders by this sum but does not return it; the expansion restarts at the seeds in
   * proportion to it.
   */
  private static double fusedScore(int rank) {
    return rank == 0 ? 0 : 1.0 / (RRF_K + rank);
  }

  /**
   * Whether the semantic ranking counts in the fusion. The in-process MiniLM was trained on English
   * text: on a question mostly in another script its neighbours are close to noise (measured on the
   * sample: it pushed the one interpretation that answers "Как Кирилл понимает внимание?" out of
   * the seeds), so there it does not count. A provider's (multilingual) embedding model, when
   * configured, counts always.
   */
  private boolean semanticCounts(String question) {
    if (!englishOnlyEmbeddings) {
      return true;
    }
    long letters = question.codePoints().filter(Character::isLetter).count();
    long latin =
        question
            .codePoints()
            .filter(
                c ->
                    Character.isLetter(c)
                        && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN)
            .count();
    return letters == 0 || latin * 2 >= letters;
  }

  private List<Integer> lexical(String question) {
    String folded = Text.key(question);
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    QueryBuilder builder = new QueryBuilder(analyzer);
    FIELDS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            field -> {
              Query q =
                  builder.createBooleanQuery(field.getKey(), folded, BooleanClause.Occur.SHOULD);
              if (q != null) {
                query.add(new BoostQuery(q, field.getValue()), BooleanClause.Occur.SHOULD);
              }
            });
    try {
      List<Integer> ids = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query.build(), DEPTH).scoreDocs) {
        ids.add(searcher.storedFields().document(hit.doc).getField(ID).numericValue().intValue());
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the in-memory node index", e);
    }
  }

  private List<Integer> semantic(String question) {
    if (embeddings == null || embedded == 0) {
      return List.of(); // nothing to compare with: the model is not even loaded
    }
    float[] q = normalised(embeddings.embed(question).content().vector());
    double[] best = new double[DEPTH];
    int[] bestId = new int[DEPTH];
    int count = 0;
    for (int id = 0; id < vectors.length; id++) {
      if (vectors[id] == null) {
        continue;
      }
      double dot = VectorUtil.dotProduct(vectors[id], q);
      if (dot < MIN_COSINE || (count == DEPTH && dot <= best[DEPTH - 1])) {
        continue;
      }
      int at = count < DEPTH ? count++ : DEPTH - 1;
      while (at > 0 && best[at - 1] < dot) {
        best[at] = best[at - 1];
        bestId[at] = bestId[at - 1];
        at--;
      }
      best[at] = dot;
      bestId[at] = id;
    }
    List<Integer> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(bestId[i]);
    }
    return ids;
  }
}
