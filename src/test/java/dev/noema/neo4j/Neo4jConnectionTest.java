package dev.noema.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What can be checked without starting Neo4j: targets and an unreachable server. */
class Neo4jConnectionTest {

  @Test
  void unreachable_server_gives_one_line_quickly() {
    long start = System.nanoTime();
    Neo4jException e =
        assertThrows(
            Neo4jException.class,
            () ->
                Neo4jConnection.open(
                    new Neo4jTarget.Server("bolt://127.0.0.1:1", "neo4j", "secret", null)));

    assertTrue(
        e.getMessage().startsWith("cannot reach Neo4j at bolt://127.0.0.1:1: "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
  }

  @Test
  void embedded_on_another_address_requires_a_password() {
    Neo4jException e =
        assertThrows(
            Neo4jException.class,
            () -> new Neo4jTarget.Embedded(Path.of("kb", "neo4j"), "0.0.0.0", 7687, null, 32));

    assertEquals(
        "embedded Neo4j on 0.0.0.0 needs a password: auth may be off only on loopback",
        e.getMessage());
  }

  @Test
  void rejects_a_uri_that_is_not_bolt_or_neo4j() {
    Neo4jException e =
        assertThrows(
            Neo4jException.class,
            () -> new Neo4jTarget.Server("http://localhost:7474", null, null, null));

    assertEquals("not a Neo4j URI (bolt:// or neo4j://): http://localhost:7474", e.getMessage());
  }

  @Test
  void server_password_never_shows_in_its_description() {
    assertFalse(
        new Neo4jTarget.Server("neo4j://db:7687", "neo4j", "hunter2", "noema")
            .toString()
            .contains("hunter2"));
  }
}
