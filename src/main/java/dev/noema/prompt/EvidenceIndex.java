package dev.noema.prompt;

import dev.noema.conversation.Role;
import dev.noema.prompt.MeaningSnapshot.Entity;
import dev.noema.prompt.MeaningSnapshot.Item;
import dev.noema.text.ResourceLines;
import dev.noema.text.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;
import org.tartarus.snowball.SnowballStemmer;

/**
 * Scores a snapshot's facts by how well their own evidence answers a question: Okapi BM25
 * (Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009; Lucene's
 * default similarity, k1 = 1.2, b = 0.75) over one document per piece of evidence. A fact scores as
 * its best piece, and its pieces come ordered by score, so that a context cites first the quotes
 * that match the question.
 *
 * <p>A piece's document is the fact's own words (the names of its entities, its statement or
 * definition), the piece's quote and, when its turn replies to a user's turn, that turn's text
 * ({@link MeaningSnapshot#asked}; its fenced code left out): a reply is found by the question it
 * answered as well as by its own words, which is what a question put again to the knowledge base
 * most often shares with it. The user's whole turn, not what extraction quoted of it: a reply is
 * found by the words of its question even when no fact was read from the question itself. The
 * user's own wording counts only that way, as the question of its reply, not as an answer: a
 * question asked again matches its first asking best and would push the reply that answered it
 * down. A fact read from a user's turn (the user's own view, say) is still matched by its own
 * words.
 *
 * <p>Words are compared by their stems in every language of {@code stemming.txt} beside this class
 * (Snowball stemmers): each word is indexed under its stem in each of them, at one position, and a
 * question's word matches a document's when they share a stem in any language, so neither the
 * question's language nor the quotes' needs detecting ("Verspätungen" finds "Verspätung" through
 * the German stemmer, "searing" finds "seared" through the English one). The function words of
 * those languages (Lucene's Snowball stop lists) are left out on both sides: searched in several
 * languages at once, one language's function word would otherwise match as another's content word.
 * Text is reduced to its {@link Text#key} first (case, accents, punctuation), as node names are.
 *
 * <p>Cost: building analyses every piece of evidence once per meaning layer (kept on disk beside
 * the node index, like it, when a cache folder is given); a question is one Lucene query. Immutable
 * and thread-safe after construction.
 */
final class EvidenceIndex {
  private static final String FIELD = "evidence";
  private static final String ADDED = "added";
  private static final String LANGUAGES = "stemming.txt";

  /**
   * How much of a user's words a reply's documents carry: a pasted document would otherwise
   * lengthen every document of its reply, and BM25's average length with them, and each piece of
   * evidence carries a copy. The corpora's questions score the same with 1,000, 2,000 or no limit
   * (600: development offline MRR 0.851 -> 0.850).
   */
  private static final int QUESTION_CHARACTERS = 1000;

  /** A fenced block of either fence (CommonMark: an unclosed one runs to the end). */
  private static final Pattern FENCED_CODE = Pattern.compile("(?s)(```|~~~).*?(?:\\1|$)");

  private final Analyzer analyzer;
  private final IndexSearcher searcher;

  /** Each document's item (index into the snapshot's items) and piece of evidence. */
  private final int[] itemOf;

  private final int[] evidenceOf;

  /**
   * A fact's match with a question.
   *
   * @param score its best piece of evidence's BM25 score (above 0; comparable only within one
   *     question)
   * @param evidence indexes into the item's evidence, best first: those that match, by score
   */
  record Match(double score, int[] evidence) {}

  /** As {@link #EvidenceIndex(MeaningSnapshot, Path)}, in memory only. */
  EvidenceIndex(MeaningSnapshot snapshot) {
    this(snapshot, null);
  }

  /**
   * Indexes {@code snapshot}'s evidence: in memory when {@code cache} is null, else reusing the
   * index {@link IndexCache} keeps in that folder when it was built from the same texts (and
   * building it there when not); a cache folder that cannot be used is ignored.
   */
  EvidenceIndex(MeaningSnapshot snapshot, Path cache) {
    List<String> languages = languages();
    this.analyzer = analyzer(languages);
    List<int[]> docs = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    String[] names = new String[snapshot.entities().size()];
    for (int i = 0; i < snapshot.items().size(); i++) {
      Item item = snapshot.items().get(i);
      String words = words(snapshot, item, names);
      for (int e = 0; e < item.evidence().size(); e++) {
        Evidence evidence = item.evidence().get(e);
        StringBuilder text = new StringBuilder(words);
        // The user's wording is the question of the reply (below), not an answer.
        if (evidence.quote() != null && evidence.turn().role() != Role.USER) {
          text.append(' ').append(evidence.quote());
        }
        String question = snapshot.asked(evidence.turn().iri());
        if (question != null) {
          text.append(' ').append(question);
        }
        texts.add(text.toString());
        docs.add(new int[] {i, e});
      }
    }
    IndexCache.IndexBuild build =
        writer -> {
          for (int d = 0; d < texts.size(); d++) {
            Document doc = new Document();
            doc.add(new NumericDocValuesField(ADDED, d));
            doc.add(new TextField(FIELD, Text.key(texts.get(d)), Field.Store.NO));
            writer.addDocument(doc);
          }
        };
    try {
      Directory directory =
          IndexCache.luceneOrInMemory(
              cache, "evidence", () -> key(snapshot, languages, texts), analyzer, build);
      this.searcher = new IndexSearcher(DirectoryReader.open(directory));
      int count = searcher.getIndexReader().maxDoc();
      this.itemOf = new int[count];
      this.evidenceOf = new int[count];
      // Lucene may renumber documents when it merges segments: the number each was added with
      // says which is which.
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        NumericDocValues added = leaf.reader().getNumericDocValues(ADDED);
        for (int d = added.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = added.nextDoc()) {
          int[] doc = docs.get((int) added.longValue());
          itemOf[leaf.docBase + d] = doc[0];
          evidenceOf[leaf.docBase + d] = doc[1];
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the in-memory evidence index", e);
    }
  }

  /**
   * What a cached index must have been built from: the cache format, the store's registry
   * fingerprint, the stemming languages and the documents' texts in order.
   */
  private static String key(MeaningSnapshot snapshot, List<String> languages, List<String> texts) {
    MessageDigest digest = DigestUtils.getSha256Digest();
    DigestUtils.updateDigest(
        digest, IndexCache.FORMAT + " evidence " + snapshot.fingerprint() + " " + languages + "\n");
    for (String text : texts) {
      DigestUtils.updateDigest(digest, text + "\u0000");
    }
    return Hex.encodeHexString(digest.digest());
  }

  /**
   * The user's words as the question of their reply: prose and inline code, without fenced code
   * blocks (a pasted program's identifiers would match every question about code); of a text longer
   * than {@link #QUESTION_CHARACTERS}, its start and its end, where a question after a pasted
   * document is.
   */
  static String question(String userText) {
    String prose = FENCED_CODE.matcher(userText).replaceAll(" ").strip();
    if (prose.length() <= QUESTION_CHARACTERS) {
      return prose;
    }
    int half = QUESTION_CHARACTERS / 2;
    return prose.substring(0, half) + " " + prose.substring(prose.length() - half);
  }

  /**
   * The words of a fact itself: its entities' names and its statement or definition. {@code names}
   * keeps each entity's names, joined, once made.
   */
  private static String words(MeaningSnapshot snapshot, Item item, String[] names) {
    StringBuilder words = new StringBuilder();
    for (int node : item.nodes()) {
      if (names[node] == null) {
        Entity e = snapshot.entity(node);
        Set<String> all = new LinkedHashSet<>();
        if (e.canonicalLabel() != null) {
          all.add(e.canonicalLabel());
        }
        e.labels().forEach(t -> all.add(t.text()));
        e.altLabels().forEach(t -> all.add(t.text()));
        names[node] = String.join(" ", all);
      }
      words.append(words.length() == 0 ? "" : " ").append(names[node]);
    }
    if (item.text() != null) {
      words.append(' ').append(item.text());
    }
    return words.toString();
  }

  /**
   * The facts whose evidence matches {@code question}, by item index, best first, from the best
   * {@code limit} pieces of evidence; empty when no word of the question (other than function
   * words) occurs in any evidence.
   */
  Map<Integer, Match> match(String question, int limit) {
    Query query = new QueryBuilder(analyzer).createBooleanQuery(FIELD, Text.key(question));
    if (query == null) {
      return Map.of();
    }
    ScoreDoc[] hits;
    try {
      hits = searcher.search(query, limit).scoreDocs;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the in-memory evidence index", e);
    }
    // Hits come best first: an item's first hit is its best piece of evidence.
    Map<Integer, Float> best = new HashMap<>();
    Map<Integer, List<Integer>> order = new LinkedHashMap<>();
    for (ScoreDoc hit : hits) {
      best.putIfAbsent(itemOf[hit.doc], hit.score);
      order.computeIfAbsent(itemOf[hit.doc], k -> new ArrayList<>()).add(evidenceOf[hit.doc]);
    }
    Map<Integer, Match> matches = new LinkedHashMap<>();
    order.forEach(
        (item, pieces) ->
            matches.put(
                item,
                new Match(best.get(item), pieces.stream().mapToInt(Integer::intValue).toArray())));
    return matches;
  }

  /** The Snowball languages of {@code stemming.txt}, one name a line ("English"). */
  private static List<String> languages() {
    return ResourceLines.of(EvidenceIndex.class, LANGUAGES).stream().map(String::strip).toList();
  }

  private static Analyzer analyzer(List<String> languages) {
    CharArraySet stop = new CharArraySet(512, false);
    for (String language : languages) {
      String list = language.toLowerCase(Locale.ROOT) + "_stop.txt";
      try (InputStream in = SnowballFilter.class.getResourceAsStream(list)) {
        if (in == null) {
          throw new IllegalStateException(
              LANGUAGES + ": Lucene has no Snowball stop list " + list + " for " + language);
        }
        WordlistLoader.getSnowballWordSet(new InputStreamReader(in, StandardCharsets.UTF_8))
            .forEach(w -> stop.add(Text.key(new String((char[]) w))));
      } catch (IOException e) {
        throw new UncheckedIOException(list + ": " + e.getMessage(), e);
      }
      stemmer(language); // fails now, not at the first question, for a language with no stemmer
    }
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer words = new StandardTokenizer();
        SnowballStemmer[] stemmers =
            languages.stream().map(EvidenceIndex::stemmer).toArray(SnowballStemmer[]::new);
        return new TokenStreamComponents(
            words, new StemsFilter(new StopFilter(words, stop), stemmers));
      }
    };
  }

  private static SnowballStemmer stemmer(String language) {
    try {
      return (SnowballStemmer)
          Class.forName("org.tartarus.snowball.ext." + language + "Stemmer")
              .getDeclaredConstructor()
              .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          LANGUAGES + ": Lucene has no Snowball stemmer for " + language, e);
    }
  }

  /**
   * Replaces each word by its distinct stems in the given languages, all at the word's position.
   */
  private static final class StemsFilter extends TokenFilter {
    /**
     * Words stemmed before, kept up to this many: a knowledge base repeats its words, and each is
     * stemmed once per language.
     */
    private static final int KNOWN_WORDS = 1 << 16;

    private final SnowballStemmer[] stemmers;
    private final Map<String, String[]> known = new HashMap<>();
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position =
        addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private State word;

    StemsFilter(TokenStream input, SnowballStemmer[] stemmers) {
      super(input);
      this.stemmers = stemmers;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!pending.isEmpty()) {
        restoreState(word);
        term.setEmpty().append(pending.poll());
        position.setPositionIncrement(0);
        return true;
      }
      if (!input.incrementToken()) {
        return false;
      }
      String[] stems = known.get(term.toString());
      if (stems == null) {
        stems = stems(term.toString());
        if (known.size() == KNOWN_WORDS) {
          known.clear();
        }
        known.put(term.toString(), stems);
      }
      if (stems.length == 1) {
        term.setEmpty().append(stems[0]);
        return true;
      }
      pending.addAll(Arrays.asList(stems));
      word = captureState();
      term.setEmpty().append(pending.poll());
      return true;
    }

    private String[] stems(String text) {
      Set<String> stems = new LinkedHashSet<>();
      for (SnowballStemmer stemmer : stemmers) {
        stemmer.setCurrent(text);
        stemmer.stem();
        stems.add(stemmer.getCurrent());
      }
      return stems.toArray(String[]::new);
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      pending.clear();
    }
  }
}
