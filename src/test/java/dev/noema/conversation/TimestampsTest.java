package dev.noema.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.Timestamps.DateOrder;
import dev.noema.conversation.Timestamps.WrittenTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  private static final Instant EXPECTED = Instant.parse("2025-07-26T10:07:00Z");
  private static final Instant EXPECTED_SECONDS = Instant.parse("2025-07-26T10:07:07Z");

  @Test
  void reads_german_dots_with_at() {
    assertEquals(EXPECTED, Timestamps.parse("26.07.2025 at 10:07"));
  }

  @Test
  void reads_us_slashes_with_seconds_and_am_pm() {
    assertEquals(EXPECTED_SECONDS, Timestamps.parse("07/26/2025 at 10:07:07 AM"));
    assertEquals(
        Instant.parse("2025-07-26T22:07:07Z"), Timestamps.parse("07/26/2025 at 10:07:07 PM"));
    assertEquals(Instant.parse("2025-07-26T00:07:00Z"), Timestamps.parse("07/26/2025 at 12:07 AM"));
    assertEquals(
        Instant.parse("2025-07-26T12:07:00Z"), Timestamps.parse("07/26/2025 at 12:07 p.m."));
  }

  @Test
  void reads_iso_date_space_time() {
    assertEquals(EXPECTED_SECONDS, Timestamps.parse("2025-07-26 10:07:07"));
  }

  @Test
  void reads_iso_8601_with_zone() {
    assertEquals(EXPECTED_SECONDS, Timestamps.parse("2025-07-26T10:07:07.000Z"));
    assertEquals(EXPECTED_SECONDS, Timestamps.parse("2025-07-26T12:07:07+02:00"));
    assertEquals(EXPECTED_SECONDS, Timestamps.parse("2025-07-26T12:07:07+0200"));
    assertEquals(EXPECTED_SECONDS, Timestamps.parse("2025-07-26T10:07:07"));
  }

  @Test
  void reads_european_slashes_with_comma() {
    assertEquals(EXPECTED, Timestamps.parse("26/07/2025, 10:07"));
  }

  @Test
  void reads_english_month_names() {
    assertEquals(EXPECTED, Timestamps.parse("July 26, 2025 at 10:07 AM"));
    assertEquals(EXPECTED, Timestamps.parse("Sat, Jul 26, 2025 10:07"));
    assertEquals(EXPECTED_SECONDS, Timestamps.parse("Sat, 26 Jul 2025 10:07:07 GMT"));
    assertEquals(EXPECTED, Timestamps.parse("Saturday, July 26th, 2025, 10:07 AM"));
  }

  @Test
  void reads_year_first_japanese_style() {
    assertEquals(EXPECTED_SECONDS, Timestamps.parse("2025/07/26 at 10:07:07"));
  }

  @Test
  void reads_date_without_time_as_midnight_utc() {
    assertEquals(Instant.parse("2025-07-26T00:00:00Z"), Timestamps.parse("26.07.2025"));
  }

  @Test
  void takes_time_without_zone_as_utc_and_honours_written_offsets() {
    assertEquals(EXPECTED, Timestamps.parse("26.07.2025 10:07"));
    assertEquals(EXPECTED, Timestamps.parse("26.07.2025 12:07 +02:00"));
    assertEquals(EXPECTED, Timestamps.parse("26.07.2025 12:07 UTC+2"));
  }

  @Test
  void gives_null_for_unreadable_or_impossible_times() {
    assertNull(Timestamps.parse("yesterday at teatime"));
    assertNull(Timestamps.parse(""));
    assertNull(Timestamps.parse(null));
    assertNull(Timestamps.parse("31.02.2025 at 10:07"));
    assertNull(Timestamps.parse("26.07.2025 at 25:07"));
    assertNull(Timestamps.parse("07/26/2025 at 13:07 PM"));
  }

  @Test
  void ambiguous_date_defaults_by_separator() {
    assertEquals(Instant.parse("2025-06-05T00:00:00Z"), Timestamps.parse("05.06.2025"));
    assertEquals(Instant.parse("2025-05-06T00:00:00Z"), Timestamps.parse("05/06/2025"));
  }

  @Test
  void file_order_comes_from_the_first_unambiguous_timestamp() {
    WrittenTime ambiguous = Timestamps.read("05/06/2025 at 10:00").orElseThrow();
    WrittenTime dayFirst = Timestamps.read("13/06/2025 at 10:00").orElseThrow();
    WrittenTime iso = Timestamps.read("2025-06-13T10:00:00Z").orElseThrow();
    assertEquals(
        DateOrder.DAY_FIRST,
        Timestamps.fileOrder(java.util.Arrays.asList(null, iso, ambiguous, dayFirst)));
    assertNull(Timestamps.fileOrder(List.of(ambiguous, iso)));
    assertEquals(Instant.parse("2025-06-05T10:00:00Z"), ambiguous.resolve(DateOrder.DAY_FIRST));
    assertEquals(Instant.parse("2025-05-06T10:00:00Z"), ambiguous.resolve(DateOrder.MONTH_FIRST));
  }

  @Test
  void unambiguous_date_is_read_in_its_own_order_whatever_the_file_says() {
    WrittenTime monthFirst = Timestamps.read("06/13/2025").orElseThrow();
    assertEquals(Instant.parse("2025-06-13T00:00:00Z"), monthFirst.resolve(DateOrder.DAY_FIRST));
    assertTrue(monthFirst.evidence().isPresent());
  }
}
