package dev.noema.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.prompt.EvalReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Floors for the corpus scores, one properties file per way of extracting (offline, a recorded
 * model): a score below its floor fails the build, so a gain cannot be lost unnoticed. Whoever
 * improves extraction, identity or retrieval raises the floors in the same commit.
 */
final class CorpusFloors {
  private final String resource;
  private final Properties floors = new Properties();

  CorpusFloors(String resource) {
    this.resource = resource;
    try (InputStream in = CorpusFloors.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " beside " + CorpusFloors.class);
      }
      floors.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails, listing every score below its floor, with the tables of both reports. */
  void check(CorpusReport report, EvalReport retrieval) {
    Scores s = report.overall();
    List<String> below = new ArrayList<>();
    atLeast(below, "entityRecall", s.entityRecall());
    atLeast(below, "typingPrecision", s.typingPrecision());
    atLeast(below, "top10Precision", s.top10Precision());
    atLeast(below, "topicsCentral", s.topicsCentral());
    atLeast(below, "grounding", s.grounding());
    atLeast(below, "relationsExact", s.relationsExact());
    atLeast(below, "relationsAnyPredicate", s.relationsAnyPredicate());
    atLeast(below, "crossLanguageResolved", report.identity().resolvedPairs());
    atLeast(below, "retrievalRecall", retrieval.meanRecall());
    atLeast(below, "retrievalMrr", retrieval.meanReciprocalRank());
    double ceiling = Double.parseDouble(required("notEntitiesProducedAtMost"));
    if (s.notEntitiesProduced() > ceiling) {
      below.add("notEntitiesProduced " + s.notEntitiesProduced() + " > " + ceiling);
    }
    assertTrue(
        below.isEmpty(),
        "below the floors of "
            + resource
            + ": "
            + below
            + "\n"
            + report.table(false)
            + retrieval.table());
  }

  private void atLeast(List<String> below, String name, double score) {
    String floor = required(name);
    if (score < Double.parseDouble(floor)) {
      below.add(name + " " + score + " < " + floor);
    }
  }

  private String required(String name) {
    String value = floors.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(resource + " has no floor for " + name);
    }
    return value;
  }
}
