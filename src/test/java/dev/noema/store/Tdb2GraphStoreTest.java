package dev.noema.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Tdb2GraphStoreTest extends GraphStoreContract {
  @TempDir Path folder;

  @Override
  GraphStore openStore() {
    return Tdb2GraphStore.open(folder.resolve("kb"));
  }

  @Test
  void committed_changes_survive_closing_and_reopening_the_folder() {
    store.apply(GraphChange.put(graph(G1, "h1", "a")));
    store.close();
    store = Tdb2GraphStore.open(folder.resolve("kb"));
    assertEquals(Optional.of("h1"), store.contentHash(G1));
  }
}
