package dev.noema.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * How each perspective interprets one concept, side by side.
 *
 * @param interpretations by perspective label, then statement
 */
public record PerspectivesResult(String concept, String conceptLabel, List<View> interpretations)
    implements TopologyResult {

  /**
   * One perspective's interpretation.
   *
   * @param statement the interpretation in one sentence, or null
   * @param holders labels of who holds the perspective (may be empty)
   * @param evidence the quotes and turns it was found in (may be empty)
   */
  public record View(
      String interpretation,
      String perspective,
      String perspectiveLabel,
      String statement,
      List<String> holders,
      List<Evidence> evidence) {
    public View {
      holders = List.copyOf(holders);
      evidence = List.copyOf(evidence);
    }
  }

  public PerspectivesResult {
    interpretations = List.copyOf(interpretations);
  }

  @Override
  public List<Table> tables() {
    List<List<String>> rows = new ArrayList<>();
    for (View v : interpretations) {
      Evidence first = v.evidence().isEmpty() ? null : v.evidence().get(0);
      rows.add(
          List.of(
              v.perspectiveLabel(),
              v.holders().isEmpty() ? "-" : String.join(", ", v.holders()),
              v.statement() == null ? "-" : v.statement(),
              first == null
                  ? "-"
                  : (first.quote() == null ? "" : "\"" + first.quote() + "\" ")
                      + (first.turn() == null ? "" : "[" + first.turn() + "]")));
    }
    return List.of(
        new Table(
            "Perspectives on " + conceptLabel + " (" + interpretations.size() + ")",
            List.of("perspective", "held by", "interpretation", "evidence"),
            rows,
            interpretations.isEmpty()
                ? List.of("No perspective interprets this concept.")
                : List.of()));
  }
}
