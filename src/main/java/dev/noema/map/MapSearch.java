package dev.noema.map;

import java.util.List;

/**
 * What a search of the map's names found.
 *
 * @param matches nodes with a name containing the query (see {@link
 *     dev.noema.meaning.NameIndex#containing}), at most {@value MeaningMaps#MATCHES}
 * @param didYouMean when nothing matched, the nodes with the closest names, closest first, at most
 *     {@value MeaningMaps#SUGGESTIONS}; else empty
 */
public record MapSearch(String query, List<Match> matches, List<Match> didYouMean) {
  public MapSearch {
    matches = List.copyOf(matches);
    didYouMean = List.copyOf(didYouMean);
  }

  /** A node found, with the shape the page draws it in. */
  public record Match(String iri, String label, String kind) {}
}
