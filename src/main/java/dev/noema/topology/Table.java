package dev.noema.topology;

import java.util.List;

/**
 * A titled table of text cells, what a result looks like to a person.
 *
 * @param title one line above the table
 * @param columns the column headers
 * @param rows the rows, each with one cell per column
 * @param notes lines printed below the table (how a number was computed, what was left out)
 */
public record Table(
    String title, List<String> columns, List<List<String>> rows, List<String> notes) {
  public Table {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    notes = List.copyOf(notes);
  }
}
