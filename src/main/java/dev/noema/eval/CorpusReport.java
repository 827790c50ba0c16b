package dev.noema.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.noema.eval.ConversationScore.Centre;
import dev.noema.eval.ConversationScore.EntityMatch;
import dev.noema.eval.ConversationScore.Junk;
import dev.noema.eval.ConversationScore.Quote;
import dev.noema.eval.ConversationScore.RelationMatch;
import dev.noema.eval.ConversationScore.TopicMatch;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * A knowledge base scored against a corpus's gold: per conversation, overall (the counts summed, so
 * each ratio is over the whole corpus), and identity across it.
 *
 * @param conversations one per gold conversation found, in gold-file order
 * @param identity cross-language pairs and bad merges over the whole knowledge base
 * @param notes what limits the scores without being an error (gold types the ontology lacks, gold
 *     quotes not in their stored turn), one line each
 * @param problems gold conversations that could not be scored, one line each
 */
public record CorpusReport(
    List<ConversationScore> conversations,
    IdentityScore identity,
    List<String> notes,
    List<String> problems) {

  public CorpusReport {
    conversations = List.copyOf(conversations);
    notes = List.copyOf(notes);
    problems = List.copyOf(problems);
  }

  /** The counts of every conversation summed. */
  @JsonProperty
  public Scores overall() {
    return conversations.stream().map(ConversationScore::scores).reduce(Scores.ZERO, Scores::plus);
  }

  /** The report as indented JSON: every field, the ratios beside their counts. */
  public String json() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A plain-text table, one line per conversation and one overall, then identity, notes and
   * problems; with {@code explain}, each conversation's matched, missed and junk entities, centres,
   * topics and relations follow.
   */
  public String table(boolean explain) {
    StringBuilder out = new StringBuilder();
    String row = "%-36s %-11s %-11s %-11s %-7s %-8s %-10s %s%n";
    out.append(
        String.format(
            Locale.ROOT,
            row,
            "conversation",
            "entities",
            "typing",
            "top-10",
            "topics",
            "not_ent",
            "relations",
            "grounding"));
    for (ConversationScore c : conversations) {
      out.append(line(row, shorten(c.conversation(), 36), c.scores()));
    }
    out.append(line(row, "overall (" + conversations.size() + " conversations)", overall()));
    out.append(
        "entities: found/gold and recall; typing: acceptably typed/found; top-10: gold centres/centres; "
            + "topics: central/gold; not_ent: gold not_entities made entities; relations: exact|any "
            + "predicate/gold; grounding: quotes found in the turn they cite (of all quotes).\n");
    out.append(
        String.format(
            Locale.ROOT,
            "identity: %d of %d cross-language pairs on one entity; %d entit%s standing for gold"
                + " entities of different types%n",
            identity.resolvedPairs(),
            identity.crossLanguage().size(),
            identity.merges().size(),
            identity.merges().size() == 1 ? "y" : "ies"));
    if (explain) {
      conversations.forEach(c -> explain(out, c));
      explain(out, identity);
    }
    notes.forEach(n -> out.append("note: ").append(n).append('\n'));
    problems.forEach(p -> out.append("problem: ").append(p).append('\n'));
    return out.toString();
  }

  private static String line(String row, String name, Scores s) {
    return String.format(
        Locale.ROOT,
        row,
        name,
        s.entitiesFound() + "/" + s.goldEntities() + " " + num(s.entityRecall(), s.goldEntities()),
        s.acceptablyTyped()
            + "/"
            + s.entitiesFound()
            + " "
            + num(s.typingPrecision(), s.entitiesFound()),
        s.goldCentres() + "/" + s.centres() + " " + num(s.top10Precision(), s.centres()),
        s.centralTopics() + "/" + s.topics(),
        Integer.toString(s.notEntitiesProduced()),
        s.relationsExact() + "|" + s.relationsAnyPredicate() + "/" + s.relations(),
        num(s.grounding(), s.quotes()) + " (" + s.quotes() + ")");
  }

  private static String num(double value, int denominator) {
    return denominator == 0 ? "-" : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String shorten(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }

  private static void explain(StringBuilder out, ConversationScore c) {
    out.append("\n== ")
        .append(c.conversation())
        .append("  (")
        .append(c.file())
        .append(" -> ")
        .append(c.conversationId())
        .append(")\n");
    out.append("entities found:\n");
    for (EntityMatch e : c.entities()) {
      if (e.found()) {
        out.append("  ")
            .append(e.acceptablyTyped() ? "+ " : "! ")
            .append(e.label())
            .append(" as ")
            .append(String.join(" / ", e.foundAs()))
            .append(" [")
            .append(String.join(", ", e.types()))
            .append("]")
            .append(
                e.acceptablyTyped()
                    ? ""
                    : "  wrong type, gold: " + String.join(", ", e.goldTypes()))
            .append('\n');
      }
    }
    List<String> missed =
        c.entities().stream().filter(e -> !e.found()).map(EntityMatch::label).toList();
    out.append("entities missed (")
        .append(missed.size())
        .append("): ")
        .append(String.join(", ", missed))
        .append('\n');
    out.append("centres:\n");
    for (Centre centre : c.centres()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %2d %-40s %-16s %.4f  %s%n",
              centre.rank(),
              shorten(centre.label(), 40),
              centre.type(),
              centre.pageRank(),
              centre.gold() == null ? "NOISE" : centre.gold()));
    }
    out.append("topics:");
    for (TopicMatch t : c.topics()) {
      out.append(' ')
          .append(t.topic())
          .append(t.rank() > 0 ? " #" + t.rank() : " (not central)")
          .append(';');
    }
    out.append('\n');
    out.append("not_entities produced (").append(c.scores().notEntitiesProduced()).append("):");
    for (Junk j : c.notEntitiesProduced()) {
      out.append(' ')
          .append(j.text())
          .append(" as ")
          .append(j.entity())
          .append(" [")
          .append(j.type())
          .append("];");
    }
    out.append('\n');
    out.append("relations:\n");
    for (RelationMatch r : c.relations()) {
      String mark = r.exact() ? "+ " : !r.predicates().isEmpty() ? "~ " : "- ";
      String found =
          !r.predicates().isEmpty()
              ? String.join(", ", r.predicates())
              : r.endsFound() ? "both ends found, not related" : "an end not found";
      out.append("  ")
          .append(mark)
          .append(r.subject())
          .append(' ')
          .append(r.predicate())
          .append(' ')
          .append(r.object())
          .append(" (turn ")
          .append(r.turn())
          .append("): ")
          .append(found)
          .append('\n');
    }
    if (!c.ungrounded().isEmpty()) {
      out.append("quotes not found in their turn:\n");
      for (Quote q : c.ungrounded()) {
        out.append("  turn ").append(q.turn()).append(": ").append(q.text()).append('\n');
      }
    }
  }

  private static void explain(StringBuilder out, IdentityScore identity) {
    out.append("\n== identity\n");
    for (IdentityScore.CrossLanguage p : identity.crossLanguage()) {
      out.append("  ")
          .append(p.resolved() ? "+ " : "- ")
          .append(p.first())
          .append(" = ")
          .append(p.second())
          .append(": ")
          .append(p.firstFoundAs().isEmpty() ? "(none)" : String.join(" / ", p.firstFoundAs()))
          .append(" | ")
          .append(p.secondFoundAs().isEmpty() ? "(none)" : String.join(" / ", p.secondFoundAs()))
          .append('\n');
    }
    for (IdentityScore.Merge m : identity.merges()) {
      out.append("  merged: ")
          .append(m.entity())
          .append(" stands for ")
          .append(String.join("; ", m.gold()))
          .append('\n');
    }
  }
}
