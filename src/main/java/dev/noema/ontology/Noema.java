package dev.noema.ontology;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The few ontology IRIs that Java code must name, kept in one place. Everything else (the meaning
 * layer's classes and properties, their comments, the extraction schema, the Neo4j mapping) is read
 * from {@code ontology/noema.ttl} at run time through {@link OntologyModel}. A test checks that
 * every term here is declared in the ontology.
 */
public final class Noema {
  private Noema() {}

  /** The ontology namespace. */
  public static final String NS = "https://w3id.org/noema/ontology#";

  /** Base of resource IRIs minted by Noema (conversations, turns, participants, entities). */
  public static final String ID = "https://w3id.org/noema/id/";

  /** Base of named-graph IRIs. */
  public static final String GRAPH = "https://w3id.org/noema/graph/";

  /** PROV-O: Jena ships SKOS, Dublin Core terms and Web Annotation vocabularies, not this one. */
  public static final String PROV = "http://www.w3.org/ns/prov#";

  // Dialogue layer
  public static final Node Conversation = term("Conversation");
  public static final Node Turn = term("Turn");
  public static final Node HumanParticipant = term("HumanParticipant");
  public static final Node AIAssistant = term("AIAssistant");
  public static final Node SystemParticipant = term("SystemParticipant");
  public static final Node SourceFile = term("SourceFile");
  public static final Node Attachment = term("Attachment");
  public static final Node ImportActivity = term("ImportActivity");
  public static final Node ExtractionActivity = term("ExtractionActivity");
  public static final Node AnalysisActivity = term("AnalysisActivity");
  public static final Node Memory = term("Memory");
  public static final Node Project = term("Project");
  public static final Node memoryOf = term("memoryOf");
  public static final Node inProject = term("inProject");
  public static final Node hasTurn = term("hasTurn");
  public static final Node inConversation = term("inConversation");
  public static final Node turnIndex = term("turnIndex");
  public static final Node nextTurn = term("nextTurn");
  public static final Node alternativeOf = term("alternativeOf");
  public static final Node spokenBy = term("spokenBy");
  public static final Node text = term("text");
  public static final Node messageId = term("messageId");
  public static final Node timestamp = term("timestamp");
  public static final Node speakerName = term("speakerName");
  public static final Node modelName = term("modelName");
  public static final Node participantRole = term("participantRole");
  public static final Node hasAttachment = term("hasAttachment");
  public static final Node mediaType = term("mediaType");
  public static final Node content = term("content");
  public static final Node conversationId = term("conversationId");
  public static final Node provider = term("provider");
  public static final Node importedFrom = term("importedFrom");
  public static final Node sourceFormat = term("sourceFormat");
  public static final Node path = term("path");
  public static final Node contentHash = term("contentHash");
  public static final Node repairedEncoding = term("repairedEncoding");
  public static final Node extractor = term("extractor");
  public static final Node llmProvider = term("llmProvider");
  public static final Node promptHash = term("promptHash");
  public static final Node ontologyVersion = term("ontologyVersion");
  public static final Node extractedFromTurn = term("extractedFromTurn");

  // Meaning layer: only the terms code must treat specially; the rest is data in the ontology.
  public static final Node MeaningEntity = term("MeaningEntity");
  public static final Node Concept = term("Concept");
  public static final Node Interpretation = term("Interpretation");
  public static final Node Perspective = term("Perspective");
  public static final Node Claim = term("Claim");
  public static final Node interprets = term("interprets");
  public static final Node fromPerspective = term("fromPerspective");
  public static final Node statement = term("statement");
  public static final Node relatedTo = term("relatedTo");
  public static final Node canonicalLabel = term("canonicalLabel");
  public static final Node mentionedInTurn = term("mentionedInTurn");
  public static final Node extractable = term("extractable");
  // Used by the structural extractor, which recognises these kinds by rule rather than by reading
  // their comments.
  public static final Node CognitiveModule = term("CognitiveModule");
  public static final Node ModuleConsensus = term("ModuleConsensus");
  public static final Node Method = term("Method");
  public static final Node Analogy = term("Analogy");
  public static final Node Person = term("Person");
  public static final Node Organization = term("Organization");
  public static final Node Place = term("Place");
  public static final Node Product = term("Product");
  public static final Node Work = term("Work");
  public static final Node Event = term("Event");
  public static final Node partOf = term("partOf");
  public static final Node broader = term("broader");
  public static final Node contrastsWith = term("contrastsWith");
  public static final Node mentionsPerson = term("mentionsPerson");
  public static final Node holdsPerspective = term("holdsPerspective");
  public static final Node usesMethod = term("usesMethod");
  // Named by the LLM extraction's instructions, which say how an analogy and a claim's author are
  // given.
  public static final Node analogousTo = term("analogousTo");
  public static final Node about = term("about");
  public static final Node proposedBy = term("proposedBy");
  public static final Node arguesAgainst = term("arguesAgainst");

  // Identity: each entity's names and the decisions about it
  public static final Node IdentityDecision = term("IdentityDecision");
  public static final Node decidedEntity = term("decidedEntity");
  public static final Node otherEntity = term("otherEntity");
  public static final Node verdict = term("verdict");
  public static final Node evidence = term("evidence");
  public static final Node score = term("score");
  public static final Node mentionLabel = term("mentionLabel");
  public static final Node addedLabel = term("addedLabel");
  public static final Node mentionType = term("mentionType");

  // Facts and grounding
  public static final Node Fact = term("Fact");
  public static final Node Grounding = term("Grounding");
  public static final Node confidence = term("confidence");
  public static final Node quoteSimilarity = term("quoteSimilarity");
  public static final Node weight = term("weight");

  // Derived measures
  public static final Node pageRank = term("pageRank");
  public static final Node betweenness = term("betweenness");
  public static final Node degree = term("degree");
  public static final Node cluster = term("cluster");
  public static final Node isBridge = term("isBridge");
  public static final Node parameter = term("parameter");

  // Reused vocabularies Jena does not ship (SKOS, DCTerms, OA, RDF, RDFS, OWL:
  // org.apache.jena.vocabulary)
  public static final Node prov_wasGeneratedBy = NodeFactory.createURI(PROV + "wasGeneratedBy");
  public static final Node prov_wasAssociatedWith =
      NodeFactory.createURI(PROV + "wasAssociatedWith");
  public static final Node prov_used = NodeFactory.createURI(PROV + "used");
  public static final Node prov_wasAttributedTo = NodeFactory.createURI(PROV + "wasAttributedTo");
  public static final Node prov_Activity = NodeFactory.createURI(PROV + "Activity");
  public static final Node prov_startedAtTime = NodeFactory.createURI(PROV + "startedAtTime");
  public static final Node prov_endedAtTime = NodeFactory.createURI(PROV + "endedAtTime");
  public static final Node prov_generatedAtTime = NodeFactory.createURI(PROV + "generatedAtTime");

  private static Node term(String localName) {
    return NodeFactory.createURI(NS + localName);
  }
}
