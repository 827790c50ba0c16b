package dev.noema.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The gold annotation of one conversation, as a corpus gold file writes it ({@code
 * import/corpus/README.md}). Turn indices are 0-based over the visible user and assistant turns of
 * the active branch, as Noema numbers them on a default import.
 *
 * @param file the gold file's name, for messages ({@code chatgpt-short-ribs.yaml})
 * @param conversation the conversation's title, or the transcript's file path
 * @param topics what the conversation is about; each should be among its most central entities
 * @param entities what a careful annotator expects to be extracted (not exhaustive)
 * @param relations relations the text states, each with its turn and quote
 * @param notEntities strings a naive extractor would wrongly make entities
 * @param questions retrieval questions, each answered by one turn
 * @param crossLanguage pairs of names of the same thing in two languages, within the corpus
 */
@JsonIgnoreProperties({"source", "language", "turn_count", "perspectives"})
public record GoldConversation(
    String file,
    @JsonProperty("conversation") String conversation,
    @JsonProperty("topics") List<String> topics,
    @JsonProperty("entities") List<Entity> entities,
    @JsonProperty("relations") List<Relation> relations,
    @JsonProperty("not_entities") List<String> notEntities,
    @JsonProperty("questions") List<Question> questions,
    @JsonProperty("cross_language") List<List<String>> crossLanguage) {

  public GoldConversation {
    topics = copy(topics);
    entities = copy(entities);
    relations = copy(relations);
    notEntities = copy(notEntities);
    questions = copy(questions);
    crossLanguage = copy(crossLanguage);
  }

  /**
   * An expected entity.
   *
   * @param label its name as the conversation writes it
   * @param types the acceptable types, as local names of ontology classes ({@code Concept}, {@code
   *     Person}); a sub-class of one is acceptable too
   * @param aliases other names it may be found under
   */
  public record Entity(
      @JsonProperty("label") String label,
      @JsonProperty("types") List<String> types,
      @JsonProperty("aliases") List<String> aliases) {
    public Entity {
      types = copy(types);
      aliases = copy(aliases);
    }

    /** The label and then the aliases. */
    public List<String> names() {
      List<String> names = new ArrayList<>(aliases.size() + 1);
      names.add(label);
      names.addAll(aliases);
      return names;
    }
  }

  /**
   * An expected relation.
   *
   * @param subject an entity label (usually one of {@link #entities()})
   * @param predicate the local name of the relation ({@code partOf})
   * @param object an entity label
   * @param turn the turn that states it
   * @param quote the words that state it, verbatim in that turn
   */
  public record Relation(
      @JsonProperty("subject") String subject,
      @JsonProperty("predicate") String predicate,
      @JsonProperty("object") String object,
      @JsonProperty("turn") Integer turn,
      @JsonProperty("quote") String quote) {}

  /**
   * A retrieval question.
   *
   * @param question the question
   * @param turn the turn whose text answers it
   */
  public record Question(
      @JsonProperty("question") String question, @JsonProperty("turn") Integer turn) {}

  /** The same gold with the name of the file it was read from. */
  GoldConversation withFile(String name) {
    return new GoldConversation(
        name, conversation, topics, entities, relations, notEntities, questions, crossLanguage);
  }

  /**
   * The names a label is found under: the names of the gold entity with that label (its label and
   * aliases) when there is one, else the label alone.
   */
  List<String> namesOf(String label) {
    return entities.stream()
        .filter(e -> Objects.equals(e.label(), label))
        .findFirst()
        .map(Entity::names)
        .orElse(List.of(label));
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
