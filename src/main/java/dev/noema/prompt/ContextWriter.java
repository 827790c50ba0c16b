package dev.noema.prompt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.noema.ontology.Noema;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Writes facts and their sources in a {@link ContextFormat}. Besides whole contexts it writes a
 * single fact and a single source alone, which is what the budget estimates costs from. Stateless
 * and thread-safe.
 */
final class ContextWriter {
  /** Quotes longer than this are cut (with an ellipsis): evidence should point, not reproduce. */
  static final int MAX_QUOTE = 200;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The whole context. */
  String render(
      ContextFormat format,
      String question,
      List<ContextFact> facts,
      Map<String, SourceTurn> sources,
      boolean explain) {
    return switch (format) {
      case COMPACT, TRIPLES -> lines(format, question, facts, sources, explain);
      case JSON -> json(question, facts, sources, explain);
      case TURTLE -> turtle(facts, sources, explain);
    };
  }

  /** One fact alone, as it appears in a context of this format (without its sources). */
  String fact(ContextFormat format, ContextFact fact, boolean explain) {
    return switch (format) {
      case COMPACT, TRIPLES -> line(format, 0, fact, explain);
      case JSON -> write(factNode(fact, explain));
      case TURTLE -> turtle(List.of(fact), Map.of(), explain);
    };
  }

  /**
   * One fact as a self-contained compact text: its line, then the legend entries of the turns it
   * cites.
   */
  String citedFact(ContextFact fact, Map<String, SourceTurn> sources) {
    StringBuilder out = new StringBuilder(line(ContextFormat.COMPACT, 0, fact, false));
    fact.citations().stream()
        .map(Citation::key)
        .distinct()
        .forEach(key -> out.append('\n').append(legend(key, sources.get(key))));
    return out.toString();
  }

  /** One source alone, as it appears in a context of this format. */
  String source(ContextFormat format, String key, SourceTurn turn) {
    return switch (format) {
      case COMPACT, TRIPLES -> legend(key, turn);
      case JSON -> write(sourceNode(turn));
      case TURTLE -> turtle(List.of(), Map.of(key, turn), false);
    };
  }

  private String lines(
      ContextFormat format,
      String question,
      List<ContextFact> facts,
      Map<String, SourceTurn> sources,
      boolean explain) {
    StringBuilder out = new StringBuilder();
    out.append("Knowledge-graph context for: ").append(oneLine(question)).append('\n');
    if (facts.isEmpty()) {
      return out.append("(no facts in the knowledge graph bear on this question)\n").toString();
    }
    out.append(factsHeader(format));
    for (int i = 0; i < facts.size(); i++) {
      out.append(line(format, i + 1, facts.get(i), explain)).append('\n');
    }
    out.append(SOURCES_HEADER);
    sources.forEach((key, turn) -> out.append(legend(key, turn)).append('\n'));
    return out.toString();
  }

  /** The line before the sources of a context with facts. */
  static final String SOURCES_HEADER = "Sources:\n";

  /** The line before the facts of a context with facts, in {@code format}. */
  static String factsHeader(ContextFormat format) {
    return format == ContextFormat.COMPACT
        ? "Facts, most relevant first; [Tn] cites a source turn, with the quoted evidence:\n"
        : "Facts as (subject, predicate, object), most relevant first; [Tn] cites a source turn:\n";
  }

  private static String line(ContextFormat format, int number, ContextFact f, boolean explain) {
    StringBuilder out = new StringBuilder();
    if (number > 0) {
      out.append(number).append(". ");
    }
    if (format == ContextFormat.TRIPLES) {
      out.append('(')
          .append(f.subjectLabel())
          .append(", ")
          .append(f.predicateLabel() == null ? "defined as" : f.predicateLabel())
          .append(", ");
      switch (f.kind()) {
        case RELATION -> out.append(f.objectLabel());
        case INTERPRETATION ->
            out.append(f.objectLabel()).append(": \"").append(oneLine(f.statement())).append('"');
        case DEFINITION -> out.append('"').append(oneLine(f.statement())).append('"');
      }
      out.append(") [")
          .append(String.join(", ", f.citations().stream().map(Citation::key).distinct().toList()))
          .append(']');
    } else {
      switch (f.kind()) {
        case RELATION ->
            out.append(f.subjectLabel())
                .append(" —")
                .append(f.predicateLabel())
                .append("→ ")
                .append(f.objectLabel());
        case INTERPRETATION ->
            out.append(f.objectLabel())
                .append(" on ")
                .append(f.subjectLabel())
                .append(": \"")
                .append(oneLine(f.statement()))
                .append('"');
        case DEFINITION -> out.append(f.subjectLabel()).append(": ").append(oneLine(f.statement()));
      }
      for (Citation c : f.citations()) {
        out.append(" [").append(c.key());
        if (c.quote() != null) {
          out.append(" \"").append(quote(c.quote())).append('"');
        }
        out.append(']');
      }
    }
    if (explain) {
      out.append("  {").append(why(f)).append('}');
    }
    return out.toString();
  }

  /**
   * Why a fact was chosen: "seed: attention, hops: 1, evidence: 0.8000, score: 1.3000", without
   * seed and hops for a fact only its evidence found.
   */
  private static String why(ContextFact f) {
    String ranked =
        String.format(Locale.ROOT, "evidence: %.4f, score: %.4f", f.evidence(), f.score());
    return f.seed() == null
        ? ranked
        : String.format(Locale.ROOT, "seed: %s, hops: %d, ", f.seed(), f.hops()) + ranked;
  }

  /** "[T1] «Title», turn 4, Kirill, 2025-03-01 12:00 UTC, message m-42". */
  static String legend(String key, SourceTurn t) {
    StringBuilder out = new StringBuilder("[").append(key).append("] ");
    out.append(
        t.conversationTitle() == null
            ? "untitled conversation"
            : "«" + oneLine(t.conversationTitle()) + "»");
    if (t.turnIndex() >= 0) {
      out.append(", turn ").append(t.turnIndex());
    }
    if (t.speaker() != null) {
      out.append(", ").append(t.speaker());
    }
    if (t.time() != null) {
      out.append(", ").append(TIME.format(t.time()));
    }
    if (t.messageId() != null) {
      out.append(", message ").append(t.messageId());
    }
    if (t.conversationTitle() == null && t.turnIndex() < 0) {
      out.append(", ").append(t.iri());
    }
    return out.toString();
  }

  private String json(
      String question, List<ContextFact> facts, Map<String, SourceTurn> sources, boolean explain) {
    ObjectNode root = json.createObjectNode();
    root.put("question", question);
    ArrayNode array = root.putArray("facts");
    facts.forEach(f -> array.add(factNode(f, explain)));
    ObjectNode bySource = root.putObject("sources");
    sources.forEach((key, turn) -> bySource.set(key, sourceNode(turn)));
    return write(root);
  }

  private ObjectNode factNode(ContextFact f, boolean explain) {
    ObjectNode node = json.createObjectNode();
    node.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
    node.put("subject", f.subjectLabel());
    if (f.predicateLabel() != null) {
      node.put("predicate", f.predicateLabel());
    }
    if (f.objectLabel() != null) {
      node.put("object", f.objectLabel());
    }
    if (f.statement() != null) {
      node.put("statement", f.statement());
    }
    ArrayNode citations = node.putArray("citations");
    for (Citation c : f.citations()) {
      ObjectNode cite = citations.addObject().put("source", c.key());
      if (c.quote() != null) {
        cite.put("quote", quote(c.quote()));
      }
    }
    if (explain) {
      if (f.seed() != null) {
        node.put("seed", f.seed()).put("hops", f.hops());
      }
      node.put("evidence", Math.round(f.evidence() * 1e4) / 1e4)
          .put("score", Math.round(f.score() * 1e4) / 1e4);
    }
    return node;
  }

  private ObjectNode sourceNode(SourceTurn t) {
    ObjectNode node = json.createObjectNode();
    node.put("turn", t.iri());
    if (t.conversationTitle() != null) {
      node.put("conversation", t.conversationTitle());
    }
    if (t.turnIndex() >= 0) {
      node.put("index", t.turnIndex());
    }
    if (t.speaker() != null) {
      node.put("speaker", t.speaker());
    }
    if (t.time() != null) {
      node.put("time", t.time().toString());
    }
    if (t.messageId() != null) {
      node.put("messageId", t.messageId());
    }
    return node;
  }

  private String write(ObjectNode node) {
    try {
      return json.writeValueAsString(node) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static String turtle(
      List<ContextFact> facts, Map<String, SourceTurn> sources, boolean explain) {
    Graph g = GraphFactory.createDefaultGraph();
    g.getPrefixMapping()
        .setNsPrefix("noema", Noema.NS)
        .setNsPrefix("oa", OA.NS)
        .setNsPrefix("rdf", RDF.getURI())
        .setNsPrefix("rdfs", RDFS.getURI())
        .setNsPrefix("dcterms", DCTerms.NS)
        .setNsPrefix("id", Noema.ID);
    Node label = RDFS.label.asNode();
    for (ContextFact f : facts) {
      Node s = NodeFactory.createURI(f.subject());
      g.add(s, label, NodeFactory.createLiteralString(f.subjectLabel()));
      Node body;
      switch (f.kind()) {
        case RELATION -> {
          Node p = NodeFactory.createURI(f.predicate());
          Node o = NodeFactory.createURI(f.object());
          g.add(o, label, NodeFactory.createLiteralString(f.objectLabel()));
          g.add(s, p, o);
          body = NodeFactory.createBlankNode();
          g.add(body, RDF.type.asNode(), Noema.Fact);
          g.add(body, RDF.subject.asNode(), s);
          g.add(body, RDF.predicate.asNode(), p);
          g.add(body, RDF.object.asNode(), o);
        }
        case INTERPRETATION -> {
          body = NodeFactory.createURI(f.iri());
          Node o = NodeFactory.createURI(f.object());
          g.add(o, label, NodeFactory.createLiteralString(f.objectLabel()));
          g.add(body, RDF.type.asNode(), Noema.Interpretation);
          g.add(body, Noema.interprets, s);
          g.add(body, Noema.fromPerspective, o);
          g.add(body, Noema.statement, NodeFactory.createLiteralString(f.statement()));
        }
        default -> {
          body = s;
          g.add(s, SKOS.definition.asNode(), NodeFactory.createLiteralString(f.statement()));
        }
      }
      if (explain) {
        g.add(body, RDFS.comment.asNode(), NodeFactory.createLiteralString(why(f)));
      }
      for (Citation c : f.citations()) {
        Node grounding = NodeFactory.createBlankNode();
        Node target = NodeFactory.createBlankNode();
        g.add(grounding, RDF.type.asNode(), Noema.Grounding);
        g.add(grounding, OA.hasBody.asNode(), body);
        g.add(grounding, OA.hasTarget.asNode(), target);
        g.add(target, OA.hasSource.asNode(), NodeFactory.createURI(c.turn().iri()));
        if (c.quote() != null) {
          Node selector = NodeFactory.createBlankNode();
          g.add(target, OA.hasSelector.asNode(), selector);
          g.add(selector, RDF.type.asNode(), OA.TextQuoteSelector.asNode());
          g.add(selector, OA.exact.asNode(), NodeFactory.createLiteralString(quote(c.quote())));
        }
      }
    }
    sources.forEach(
        (key, t) -> {
          Node turn = NodeFactory.createURI(t.iri());
          g.add(turn, RDFS.label.asNode(), NodeFactory.createLiteralString(key));
          if (t.conversationIri() != null) {
            Node conversation = NodeFactory.createURI(t.conversationIri());
            g.add(turn, Noema.inConversation, conversation);
            if (t.conversationTitle() != null) {
              g.add(
                  conversation,
                  DCTerms.title.asNode(),
                  NodeFactory.createLiteralString(t.conversationTitle()));
            }
          }
          if (t.turnIndex() >= 0) {
            g.add(
                turn,
                Noema.turnIndex,
                NodeFactory.createLiteralDT(
                    Integer.toString(t.turnIndex()), XSDDatatype.XSDinteger));
          }
          if (t.speaker() != null) {
            g.add(turn, Noema.speakerName, NodeFactory.createLiteralString(t.speaker()));
          }
          if (t.time() != null) {
            g.add(
                turn,
                Noema.timestamp,
                NodeFactory.createLiteralDT(t.time().toString(), XSDDatatype.XSDdateTime));
          }
          if (t.messageId() != null) {
            g.add(turn, Noema.messageId, NodeFactory.createLiteralString(t.messageId()));
          }
        });
    return RDFWriter.source(g).lang(Lang.TURTLE).asString();
  }

  private static String quote(String text) {
    String flat = oneLine(text);
    return flat.length() <= MAX_QUOTE ? flat : flat.substring(0, MAX_QUOTE - 1) + "…";
  }

  private static String oneLine(String text) {
    return SPACES.matcher(text).replaceAll(" ").trim();
  }
}
