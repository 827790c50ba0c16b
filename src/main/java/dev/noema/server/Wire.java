package dev.noema.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.noema.identity.Decision;
import dev.noema.identity.EntityName;
import dev.noema.identity.IdentityListing;
import dev.noema.prompt.Answer;
import dev.noema.prompt.AskResult;
import dev.noema.prompt.Citation;
import dev.noema.prompt.ContextFact;
import dev.noema.prompt.ContextFormat;
import dev.noema.prompt.ContextRequest;
import dev.noema.prompt.GraphContext;
import dev.noema.prompt.Link;
import dev.noema.prompt.SourceTurn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON the API reads and writes where it is not a library record as it stands: request bodies,
 * and answers that name turns by IRI or enums in lower case. Each is a record that Jackson reads or
 * writes and {@link OpenApi} documents; the {@code of} methods map library results onto them.
 */
final class Wire {
  private Wire() {}

  /** An error: one line, never a stack trace. */
  record ErrorView(String error) {}

  /** What the server was started with and what it holds (never a secret). */
  record Status(
      String name,
      String sparql,
      boolean updateAllowed,
      boolean tokenRequired,
      long maxUploadBytes,
      long queryTimeoutMillis,
      long resultLimit,
      String bolt,
      Features features,
      long graphs,
      long quads) {}

  /** What the server can do. */
  record Features(
      boolean cypher, boolean explore, boolean context, boolean ask, boolean chatModel) {}

  /** A read-only Cypher query with driver parameters ({@code $name} in the query). */
  record CypherQuery(String query, Map<String, Object> params) {}

  /** A Cypher query's columns and rows; nodes and relationships as maps, times as ISO text. */
  record CypherRows(List<String> columns, List<List<Object>> rows) {}

  /** A SPARQL query for the console. */
  record SparqlQuery(String query) {}

  /**
   * SPARQL 1.1 query results in JSON: {@code head} and {@code results} for SELECT (and CONSTRUCT or
   * DESCRIBE, as rows of s, p, o), {@code head} and {@code boolean} for ASK.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SparqlResults(
      SparqlHead head, SparqlBindings results, @JsonProperty("boolean") Boolean answer) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SparqlHead(List<String> vars, List<String> link) {}

  record SparqlBindings(List<Map<String, SparqlTerm>> bindings) {}

  /** One RDF term: {@code type} is uri, bnode, literal (or triple). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SparqlTerm(
      String type, String value, @JsonProperty("xml:lang") String lang, String datatype) {}

  /** What a Neo4j sync did, in one line, and the Bolt URL of the projection. */
  record Sync(String neo4j, String bolt) {}

  /**
   * A question for the context (and the ask) routes.
   *
   * @param budget the most tokens (cl100k_base) the context may take; default 2000
   * @param hops how far to expand from the linked nodes; default 2
   * @param format compact, turtle, json or triples; default compact
   * @param explain whether each fact says why it was chosen
   * @param baseline (ask only) also ask the question without the graph
   */
  record Question(
      String question,
      Integer budget,
      Integer hops,
      String format,
      Boolean explain,
      Boolean baseline) {
    ContextRequest toRequest() {
      if (question == null || question.isBlank()) {
        throw new ApiServlet.ApiError(400, "the JSON body needs a \"question\" text");
      }
      ContextRequest request = ContextRequest.of(question);
      try {
        if (budget != null) {
          request = request.withBudget(budget);
        }
        if (hops != null) {
          request = request.withHops(hops);
        }
        if (format != null) {
          request = request.withFormat(ContextFormat.parse(format));
        }
        return request.withExplain(Boolean.TRUE.equals(explain));
      } catch (IllegalArgumentException e) {
        throw new ApiServlet.ApiError(400, e.getMessage().replace("--", ""));
      }
    }
  }

  /** A node the question was linked to. */
  record LinkView(String iri, String label, double score) {}

  /**
   * A fact of the context.
   *
   * @param kind relation, interpretation or definition
   */
  record FactView(
      String kind,
      String iri,
      String subject,
      String subjectLabel,
      String predicate,
      String predicateLabel,
      String object,
      String objectLabel,
      String statement,
      double score,
      List<CitationView> citations) {}

  /** A citation: the key of the cited turn in {@code sources}, its IRI and the quote. */
  record CitationView(String key, String quote, String turn) {}

  /**
   * A cited turn.
   *
   * @param conversation the conversation's IRI
   * @param time when it was written (ISO 8601), or null
   */
  record TurnView(
      String iri,
      String conversation,
      String conversationTitle,
      int turnIndex,
      String speaker,
      String time) {
    static TurnView of(SourceTurn turn) {
      return new TurnView(
          turn.iri(),
          turn.conversationIri(),
          turn.conversationTitle(),
          turn.turnIndex(),
          turn.speaker(),
          turn.time() == null ? null : turn.time().toString());
    }
  }

  /**
   * The context of a question: its facts with their citations, the cited turns by key, and the
   * serialised text.
   *
   * @param format how {@code text} is written: compact, turtle, json or triples
   * @param candidates how many facts were ranked before the budget cut
   */
  record Context(
      String question,
      String format,
      int tokens,
      int budget,
      int candidates,
      List<LinkView> links,
      List<FactView> facts,
      Map<String, TurnView> sources,
      String text) {
    static Context of(GraphContext context) {
      List<LinkView> links =
          context.links().stream()
              .map((Link l) -> new LinkView(l.iri(), String.valueOf(l.label()), l.score()))
              .toList();
      List<FactView> facts =
          context.facts().stream()
              .map(
                  (ContextFact f) ->
                      new FactView(
                          f.kind().name().toLowerCase(Locale.ROOT),
                          f.iri(),
                          f.subject(),
                          f.subjectLabel(),
                          f.predicate(),
                          f.predicateLabel(),
                          f.object(),
                          f.objectLabel(),
                          f.statement(),
                          f.score(),
                          f.citations().stream()
                              .map(
                                  (Citation c) ->
                                      new CitationView(c.key(), c.quote(), c.turn().iri()))
                              .toList()))
              .toList();
      Map<String, TurnView> sources = new LinkedHashMap<>();
      context.sources().forEach((key, turn) -> sources.put(key, TurnView.of(turn)));
      return new Context(
          context.question(),
          context.format().name().toLowerCase(Locale.ROOT),
          context.tokens(),
          context.budget(),
          context.candidates(),
          links,
          facts,
          sources,
          context.text());
    }
  }

  /** A turn an answer cites, by its key in the context. */
  record AnswerCitation(String key, TurnView turn) {}

  /**
   * A model's answer.
   *
   * @param unknownKeys keys the answer cites that the context does not have
   * @param tokensEstimated the provider did not report usage and the counts are Noema's
   */
  record AnswerView(
      String text,
      List<AnswerCitation> citations,
      List<String> unknownKeys,
      int inputTokens,
      int outputTokens,
      boolean tokensEstimated,
      long latencyMillis,
      String model) {
    static AnswerView of(Answer answer) {
      if (answer == null) {
        return null;
      }
      return new AnswerView(
          answer.text(),
          answer.citations().stream()
              .map(c -> new AnswerCitation(c.key(), TurnView.of(c.turn())))
              .toList(),
          answer.unknownKeys(),
          answer.inputTokens(),
          answer.outputTokens(),
          answer.tokensEstimated(),
          answer.latency().toMillis(),
          answer.model());
    }
  }

  /**
   * An answer beside its context.
   *
   * @param prompt the complete graph-augmented prompt
   * @param answer the answer with the graph, or null when no model is configured
   * @param baseline the answer without the graph, or null unless asked for
   * @param notice how to configure a provider when none is, else null
   */
  record Asked(
      String question,
      Context context,
      String prompt,
      AnswerView answer,
      AnswerView baseline,
      String notice) {
    static Asked of(String question, AskResult result) {
      return new Asked(
          question,
          Context.of(result.context()),
          result.prompt().text(),
          AnswerView.of(result.answer()),
          AnswerView.of(result.baseline()),
          result.notice());
    }
  }

  /**
   * What identity has decided: how many entities the store holds, the merges the resolver made, the
   * pairs waiting for review and the user's own decisions.
   */
  record Identity(
      int entities,
      List<DecisionView> merges,
      List<DecisionView> pending,
      List<DecisionView> byUser) {
    static Identity of(IdentityListing listing) {
      return new Identity(
          listing.entities(),
          listing.merges().stream().map(d -> DecisionView.of(d, listing)).toList(),
          listing.pending().stream().map(d -> DecisionView.of(d, listing)).toList(),
          listing.byUser().stream().map(d -> DecisionView.of(d, listing)).toList());
    }
  }

  /**
   * One identity decision.
   *
   * @param id the short id the CLI and the decisions route take
   * @param verdict same, different or pending
   * @param evidence what the decision rests on
   * @param score how strongly the evidence says "same", 0 to 1
   * @param other the second entity of a pair, or null for a decision about a mention
   * @param mention the name decided about, or null
   * @param added the names the decision gave the entity
   * @param turn the turn the mention is in (or the conversation a decision of the user applies to),
   *     or null
   * @param time when (ISO 8601)
   */
  record DecisionView(
      String id,
      String verdict,
      String evidence,
      double score,
      String entity,
      String entityName,
      String other,
      String otherName,
      String mention,
      String language,
      List<String> added,
      String extractor,
      String turn,
      String time) {
    static DecisionView of(Decision d, IdentityListing listing) {
      return new DecisionView(
          d.id(),
          d.verdict().id(),
          d.evidence().id(),
          d.score(),
          d.entity().getURI(),
          listing.name(d.entity()),
          d.other() == null ? null : d.other().getURI(),
          d.other() == null ? null : listing.name(d.other()),
          d.mention() == null ? null : d.mention().text(),
          d.mention() == null ? null : d.mention().language(),
          d.added().stream().map(EntityName::text).toList(),
          d.extractor(),
          d.used() == null ? null : d.used().getURI(),
          d.time().toString());
    }
  }

  /**
   * A decision of the user on identity.
   *
   * @param action accept or reject (a pending pair), or split (a merge)
   * @param id a pending pair's or a merge's id, or (split) an entity's IRI
   */
  record IdentityDecision(String action, String id) {}
}
