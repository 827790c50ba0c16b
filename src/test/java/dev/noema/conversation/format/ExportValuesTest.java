package dev.noema.conversation.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExportValuesTest {

  @Test
  void strips_citation_sequences_and_stray_private_use_characters() {
    assertEquals(
        "Leiden refines Louvain. See the paper.",
        ExportValues.stripCitations(
            "Leiden refines Louvain.\ue200cite\ue202turn0search1\ue202turn0search4\ue201 See the paper\ue203."));
  }

  @Test
  void keeps_the_display_name_of_entity_mentions() {
    assertEquals(
        "Ask Ada Lovelace about it.",
        ExportValues.stripCitations(
            "Ask \ue200entity\ue202[\"people\",\"Ada Lovelace\",\"mathematician\"]\ue201 about it."));
  }

  @Test
  void leaves_text_without_private_use_characters_alone() {
    String text = "Plain text, ünïcödé and emoji 🙂.";
    assertEquals(text, ExportValues.stripCitations(text));
  }

  @Test
  void reads_epoch_seconds_milliseconds_and_iso_times() throws Exception {
    JsonNode json =
        new ObjectMapper()
            .readTree(
                "{\"s\": 1700000000.25, \"ms\": 1700000000250, \"iso\": \"2024-03-01T10:00:00.5+02:00\","
                    + " \"local\": \"2024-03-01T10:00:00\", \"bad\": \"yesterday\"}");

    assertEquals(Instant.ofEpochSecond(1700000000, 250_000_000), ExportValues.epoch(json, "s"));
    assertEquals(Instant.ofEpochSecond(1700000000, 250_000_000), ExportValues.epoch(json, "ms"));
    assertEquals(Instant.parse("2024-03-01T08:00:00.5Z"), ExportValues.iso(json, "iso"));
    assertEquals(Instant.parse("2024-03-01T10:00:00Z"), ExportValues.iso(json, "local"));
    assertNull(ExportValues.iso(json, "bad"));
    assertNull(ExportValues.epoch(json, "missing"));
  }
}
