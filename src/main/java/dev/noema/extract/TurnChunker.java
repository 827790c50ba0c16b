package dev.noema.extract;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.Turn;
import dev.noema.text.TokenCounter;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Block;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Cuts a conversation's active-branch turns into chunks for the LLM: consecutive turns, as many as
 * fit in a token budget (counted by {@link TokenCounter}, an estimate for any provider). A turn
 * longer than the budget is split into parts at Markdown section boundaries (before a heading),
 * then between top-level blocks (paragraphs, lists, tables), then between sentences; never inside a
 * sentence, so a part may exceed the budget when one sentence does. Parts are verbatim slices of
 * the turn's text, in order, and together they are the whole turn.
 *
 * <p>Thread-safe: the parser and the encoding are immutable.
 */
public final class TurnChunker {
  /** One turn, or one part of a long turn, as the LLM sees it. */
  public record Piece(Turn turn, int part, int parts, String text, int tokens) {}

  /** Consecutive pieces sent in one request. */
  public record Chunk(List<Piece> pieces) {
    public Chunk {
      pieces = List.copyOf(pieces);
    }

    /** The turn indices this chunk covers, in order, each once. */
    public List<Integer> turnIndices() {
      return pieces.stream().map(p -> p.turn().index()).distinct().toList();
    }
  }

  private static final TokenCounter TOKENS = new TokenCounter();

  private final int budget;
  private final Parser parser =
      Parser.builder()
          .extensions(List.of(TablesExtension.create()))
          .includeSourceSpans(IncludeSourceSpans.BLOCKS)
          .build();

  /**
   * @param budget tokens of turn text per chunk, at least 1
   */
  public TurnChunker(int budget) {
    if (budget < 1) {
      throw new IllegalArgumentException("chunk budget must be at least 1 token");
    }
    this.budget = budget;
  }

  /** Tokens in {@code text}, by the estimate chunks are sized with. */
  public int tokens(String text) {
    return TOKENS.count(text);
  }

  /**
   * The chunks of {@code conversation}'s active branch, in turn order; empty when it has no such
   * turn.
   */
  public List<Chunk> chunks(Conversation conversation) {
    List<Chunk> chunks = new ArrayList<>();
    List<Piece> current = new ArrayList<>();
    int used = 0;
    for (Turn turn : conversation.turns()) {
      if (turn.alternativeOf() != null) {
        continue;
      }
      List<String> parts = split(turn.text());
      for (int i = 0; i < parts.size(); i++) {
        Piece piece = new Piece(turn, i + 1, parts.size(), parts.get(i), tokens(parts.get(i)));
        if (!current.isEmpty() && used + piece.tokens() > budget) {
          chunks.add(new Chunk(current));
          current = new ArrayList<>();
          used = 0;
        }
        current.add(piece);
        used += piece.tokens();
      }
    }
    if (!current.isEmpty()) {
      chunks.add(new Chunk(current));
    }
    return chunks;
  }

  /**
   * {@code chunk} cut in two, for a model whose reply to it stopped at the output limit: between
   * its pieces where it has several (about half the tokens on each side), else its one piece cut at
   * a section, block or sentence boundary near the middle. The halves of a piece are numbered as
   * the parts of a turn cut twice as finely (part 2 of 3 becomes parts 3 and 4 of 6). Returns
   * {@code chunk} alone when it cannot be cut (one sentence).
   */
  public List<Chunk> halve(Chunk chunk) {
    List<Piece> pieces = chunk.pieces();
    if (pieces.size() > 1) {
      int total = pieces.stream().mapToInt(Piece::tokens).sum();
      int used = 0;
      int cut = 1;
      for (int i = 0; i < pieces.size() - 1; i++) {
        used += pieces.get(i).tokens();
        cut = i + 1;
        if (used * 2 >= total) {
          break;
        }
      }
      return List.of(
          new Chunk(pieces.subList(0, cut)), new Chunk(pieces.subList(cut, pieces.size())));
    }
    Piece piece = pieces.get(0);
    // Cut finely (an eighth of the piece at most), then keep the parts whose middle comes before
    // the piece's: the cut lands near the middle.
    List<String> parts = split(piece.text(), Math.max(1, piece.tokens() / 8));
    if (parts.size() < 2) {
      return List.of(chunk);
    }
    StringBuilder first = new StringBuilder();
    int used = 0;
    int i = 0;
    for (; i < parts.size() - 1; i++) {
      int t = tokens(parts.get(i));
      if (i > 0 && (used + t / 2) * 2 > piece.tokens()) {
        break;
      }
      first.append(parts.get(i));
      used += t;
    }
    String second = String.join("", parts.subList(i, parts.size()));
    return List.of(
        new Chunk(List.of(half(piece, 1, first.toString()))),
        new Chunk(List.of(half(piece, 2, second))));
  }

  private Piece half(Piece piece, int which, String text) {
    return new Piece(
        piece.turn(), piece.part() * 2 - 2 + which, piece.parts() * 2, text, tokens(text));
  }

  /**
   * {@code text} in parts of at most {@link #budget} tokens where sentence boundaries allow; one
   * part when it fits.
   */
  List<String> split(String text) {
    return split(text, budget);
  }

  /** {@code text} in parts of at most {@code limit} tokens where sentence boundaries allow. */
  private List<String> split(String text, int limit) {
    if (tokens(text) <= limit) {
      return List.of(text);
    }
    List<String> sections = new ArrayList<>();
    List<String> blocks = new ArrayList<>();
    cut(text, sections, blocks);
    List<String> parts = new ArrayList<>();
    for (String section : sections) {
      if (tokens(section) <= limit) {
        parts.add(section);
        continue;
      }
      List<String> pieces = new ArrayList<>();
      for (String block : blocksOf(section)) {
        pieces.addAll(tokens(block) <= limit ? List.of(block) : sentences(block));
      }
      parts.addAll(pack(pieces, limit));
    }
    return pack(parts, limit);
  }

  /**
   * Slices {@code text} at the start of each top-level block: {@code sections} start at headings,
   * {@code blocks} at every block. Slices run from one block's start to the next one's, so nothing
   * is lost between them.
   */
  private void cut(String text, List<String> sections, List<String> blocks) {
    List<Integer> sectionStarts = new ArrayList<>(List.of(0));
    List<Integer> blockStarts = new ArrayList<>(List.of(0));
    for (Node node = parser.parse(text).getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Block && !node.getSourceSpans().isEmpty()) {
        SourceSpan first = node.getSourceSpans().get(0);
        int start = first.getInputIndex() - first.getColumnIndex();
        if (start > 0) {
          blockStarts.add(start);
          if (node instanceof Heading) {
            sectionStarts.add(start);
          }
        }
      }
    }
    slice(text, sectionStarts, sections);
    slice(text, blockStarts, blocks);
  }

  private List<String> blocksOf(String section) {
    List<String> sections = new ArrayList<>();
    List<String> blocks = new ArrayList<>();
    cut(section, sections, blocks);
    return blocks;
  }

  private static void slice(String text, List<Integer> starts, List<String> out) {
    List<Integer> sorted = starts.stream().distinct().sorted().toList();
    for (int i = 0; i < sorted.size(); i++) {
      int end = i + 1 < sorted.size() ? sorted.get(i + 1) : text.length();
      if (end > sorted.get(i)) {
        out.add(text.substring(sorted.get(i), end));
      }
    }
  }

  /**
   * {@code block} cut after each sentence (the trailing space stays with the sentence before it).
   */
  private static List<String> sentences(String block) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
    it.setText(block);
    List<String> out = new ArrayList<>();
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      out.add(block.substring(start, end));
    }
    return out;
  }

  /** Joins consecutive pieces while they fit in {@code limit}. */
  private List<String> pack(List<String> pieces, int limit) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int used = 0;
    for (String piece : pieces) {
      int t = tokens(piece);
      if (current.length() > 0 && used + t > limit) {
        out.add(current.toString());
        current.setLength(0);
        used = 0;
      }
      current.append(piece);
      used += t;
    }
    if (current.length() > 0) {
      out.add(current.toString());
    }
    return out;
  }
}
