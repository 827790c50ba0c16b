package dev.noema.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceLinesTest {
  @Test
  void reads_the_lines_that_are_neither_blank_nor_comments_in_order_without_trailing_space() {
    assertEquals(
        List.of("first", "  second", "third"),
        ResourceLines.of(ResourceLinesTest.class, "resource-lines-sample.txt"));
  }

  @Test
  void a_missing_resource_is_empty_when_optional_and_named_when_required() {
    assertTrue(ResourceLines.ifPresent(ResourceLinesTest.class, "no-such-list.txt").isEmpty());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> ResourceLines.of(ResourceLinesTest.class, "no-such-list.txt"));
    assertEquals(
        "no-such-list.txt missing beside " + ResourceLinesTest.class.getName(), e.getMessage());
  }
}
