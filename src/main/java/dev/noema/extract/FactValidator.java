package dev.noema.extract;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.Turn;
import dev.noema.extract.ValidationSummary.DropReason;
import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import dev.noema.ontology.OntologyModel.OntProperty;
import dev.noema.ontology.OntologyModel.PropertyKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an {@link Extraction} against the ontology and the conversation's text before anything is
 * written, and keeps only what passes.
 *
 * <p>An entity is kept when its type is an extractable class, its label is not blank, its key and
 * (within its turn) its canonical label are not already taken by another entity of another type,
 * and its evidence is grounded. A relation is kept when its predicate is an extractable object
 * property, both keys name kept entities, the subject's type is the predicate's domain or a
 * sub-class of it and the object's the range (via {@link OntologyModel#isSubClassOf}), its
 * confidence is within 0..1 and its evidence is grounded. An interpretation is kept on the same
 * terms, read as the relations {@code interprets} (concept) and {@code fromPerspective}
 * (perspective), plus {@code holdsPerspective} for its holder when it names one. Grounded means the
 * evidence is found in the text of the active-branch turn it cites: as it is (compared in {@link
 * Quotes#normalize normal form}), or else by alignment with a span of the turn ({@link TurnText}).
 * Every kept item carries the span its evidence was found at ({@link QuoteSpan}), and the summary
 * counts exact and aligned quotes. Dropping an entity drops what refers to it ({@link
 * DropReason#DANGLING}).
 *
 * <p>Immutable and thread-safe.
 */
public final class FactValidator {

  /** An extraction reduced to what passed, and the account of what did not. */
  public record Result(Extraction kept, ValidationSummary summary) {}

  private final OntologyModel ontology;
  private final Set<String> extractableClasses = new HashSet<>();
  private final Map<String, OntProperty> extractableRelations = new HashMap<>();

  public FactValidator(OntologyModel ontology) {
    this.ontology = ontology;
    ontology.extractableClasses().forEach(c -> extractableClasses.add(c.iri()));
    ontology.extractableProperties().stream()
        .filter(p -> p.kind() == PropertyKind.OBJECT)
        .forEach(p -> extractableRelations.put(p.iri(), p));
  }

  /**
   * Validates {@code extraction}, citing turns of {@code conversation} (which must be the one it
   * was extracted from).
   */
  public Result validate(Extraction extraction, Conversation conversation) {
    Run run = new Run(extraction, conversation);
    List<ExtractedEntity> entities = new ArrayList<>();
    for (ExtractedEntity e : extraction.entities()) {
      run.keep(e).ifPresent(at -> entities.add(e.located(at)));
    }
    List<ExtractedRelation> relations = new ArrayList<>();
    for (ExtractedRelation r : extraction.relations()) {
      run.keep(r).ifPresent(at -> relations.add(r.located(at)));
    }
    List<ExtractedInterpretation> interpretations = new ArrayList<>();
    for (ExtractedInterpretation i : extraction.interpretations()) {
      run.keep(i).ifPresent(at -> interpretations.add(i.located(at)));
    }
    ValidationSummary summary =
        new ValidationSummary(
            entities.size(),
            relations.size(),
            interpretations.size(),
            run.exact,
            run.aligned,
            run.dropped,
            run.problems);
    return new Result(extraction.with(entities, relations, interpretations), summary);
  }

  /** The state of one validation: the kept entities by key and the tally of drops. */
  private final class Run {
    private final String conversationId;
    private final Map<Integer, TurnText> turnTexts = new HashMap<>();
    private final Map<String, ExtractedEntity> kept = new HashMap<>();
    private final Set<String> seenKeys = new HashSet<>();
    private final Map<String, String> typeByTurnAndLabel = new HashMap<>();
    private final Map<DropReason, Integer> dropped = new EnumMap<>(DropReason.class);
    private final List<String> problems = new ArrayList<>();
    private int exact;
    private int aligned;

    Run(Extraction extraction, Conversation conversation) {
      this.conversationId = extraction.conversationId();
      for (Turn t : conversation.turns()) {
        if (t.alternativeOf() == null) {
          // Prepared once per turn: a long turn is quoted by hundreds of facts.
          turnTexts.put(t.index(), new TurnText(t.text()));
        }
      }
    }

    /** The span of the entity's evidence when it is kept, else empty (the drop recorded). */
    Optional<QuoteSpan> keep(ExtractedEntity e) {
      String what = "entity '" + e.key() + "'";
      if (!seenKeys.add(e.key())) {
        return dropped(e.turnIndex(), what, DropReason.CONFLICT, "key used twice");
      }
      if (!extractableClasses.contains(e.type())) {
        return dropped(
            e.turnIndex(),
            what,
            DropReason.UNKNOWN_TYPE,
            "type " + e.type() + " is not extractable");
      }
      if (e.label().isBlank() || e.canonicalLabel().isBlank()) {
        return dropped(e.turnIndex(), what, DropReason.MALFORMED, "blank label");
      }
      Optional<QuoteSpan> at = locate(e.turnIndex(), e.evidence());
      if (at.isEmpty()) {
        return dropped(
            e.turnIndex(),
            what,
            DropReason.UNGROUNDED,
            "evidence not in the turn: " + clip(e.evidence()));
      }
      String other =
          typeByTurnAndLabel.putIfAbsent(e.turnIndex() + "\n" + e.canonicalLabel(), e.type());
      if (other != null && !other.equals(e.type())) {
        return dropped(
            e.turnIndex(),
            what,
            DropReason.CONFLICT,
            "canonical label '" + e.canonicalLabel() + "' already typed " + other);
      }
      kept.put(e.key(), e);
      return counted(at);
    }

    /** The span of the relation's evidence when it is kept, else empty (the drop recorded). */
    Optional<QuoteSpan> keep(ExtractedRelation r) {
      String what = "relation " + r.subject() + " " + r.predicate() + " " + r.object();
      OntProperty p = extractableRelations.get(r.predicate());
      if (p == null) {
        return dropped(
            r.turnIndex(),
            what,
            DropReason.UNKNOWN_PREDICATE,
            "predicate is not an extractable relation");
      }
      if (!keepLinks(r.turnIndex(), what, r.subject(), p, r.object())) {
        return Optional.empty();
      }
      if (r.confidence() < 0 || r.confidence() > 1) {
        return dropped(
            r.turnIndex(),
            what,
            DropReason.MALFORMED,
            "confidence " + r.confidence() + " outside 0..1");
      }
      return grounded(r.turnIndex(), what, r.evidence());
    }

    /**
     * The span of the interpretation's evidence when it is kept, else empty (the drop recorded).
     */
    Optional<QuoteSpan> keep(ExtractedInterpretation i) {
      String what = "interpretation of '" + i.concept() + "' from '" + i.perspective() + "'";
      OntProperty interprets = ontology.property(Noema.interprets.getURI()).orElseThrow();
      OntProperty from = ontology.property(Noema.fromPerspective.getURI()).orElseThrow();
      OntProperty holds = ontology.property(Noema.holdsPerspective.getURI()).orElseThrow();
      if (i.statement().isBlank()) {
        return dropped(i.turnIndex(), what, DropReason.MALFORMED, "blank statement");
      }
      boolean linked =
          rangeOk(i.turnIndex(), what, i.concept(), interprets)
              && rangeOk(i.turnIndex(), what, i.perspective(), from)
              && (i.holder() == null
                  || keepLinks(i.turnIndex(), what, i.holder(), holds, i.perspective()));
      return linked ? grounded(i.turnIndex(), what, i.evidence()) : Optional.empty();
    }

    /**
     * Both ends are kept entities, the subject within the domain and the object within the range.
     */
    private boolean keepLinks(int turn, String what, String subject, OntProperty p, String object) {
      ExtractedEntity s = kept.get(subject);
      if (s == null) {
        return drop(turn, what, DropReason.DANGLING, "no kept entity '" + subject + "'");
      }
      if (p.domain() != null && !ontology.isSubClassOf(s.type(), p.domain())) {
        return drop(
            turn, what, DropReason.DOMAIN, s.type() + " is not in the domain " + p.domain());
      }
      return rangeOk(turn, what, object, p);
    }

    private boolean rangeOk(int turn, String what, String object, OntProperty p) {
      ExtractedEntity o = kept.get(object);
      if (o == null) {
        return drop(turn, what, DropReason.DANGLING, "no kept entity '" + object + "'");
      }
      if (p.range() != null && !ontology.isSubClassOf(o.type(), p.range())) {
        return drop(
            turn,
            what,
            DropReason.RANGE,
            o.type() + " is not in the range " + p.range() + " of " + p.localName());
      }
      return true;
    }

    /** The span of {@code evidence} in turn {@code turn}, counted, or empty (a drop recorded). */
    private Optional<QuoteSpan> grounded(int turn, String what, String evidence) {
      Optional<QuoteSpan> at = locate(turn, evidence);
      return at.isPresent()
          ? counted(at)
          : dropped(
              turn, what, DropReason.UNGROUNDED, "evidence not in the turn: " + clip(evidence));
    }

    private Optional<QuoteSpan> locate(int turn, String evidence) {
      TurnText text = turnTexts.get(turn);
      return text == null ? Optional.empty() : text.locate(evidence);
    }

    private Optional<QuoteSpan> counted(Optional<QuoteSpan> at) {
      if (at.orElseThrow().aligned()) {
        aligned++;
      } else {
        exact++;
      }
      return at;
    }

    /** Records a drop and returns empty, for the checks that end in a span. */
    private Optional<QuoteSpan> dropped(int turn, String what, DropReason reason, String detail) {
      drop(turn, what, reason, detail);
      return Optional.empty();
    }

    /** Records a drop and returns false, so checks read as {@code ok || drop(...)}. */
    private boolean drop(int turn, String what, DropReason reason, String detail) {
      dropped.merge(reason, 1, Integer::sum);
      problems.add(
          "conversation "
              + conversationId
              + ", turn "
              + turn
              + ": "
              + what
              + " dropped ("
              + reason.name().toLowerCase(Locale.ROOT)
              + "): "
              + detail);
      return false;
    }

    private String clip(String s) {
      return s.length() <= 80 ? "'" + s + "'" : "'" + s.substring(0, 77) + "...'";
    }
  }
}
