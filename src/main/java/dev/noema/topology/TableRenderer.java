package dev.noema.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a result's tables as aligned plain text: a title line, a header, a rule, the rows, then
 * the notes. Cells longer than the width limit are cut with an ellipsis; an empty table prints
 * "(none)". Stateless and thread-safe.
 */
public final class TableRenderer implements TopologyRenderer {
  /** The default widest a cell may be. */
  public static final int DEFAULT_CELL_WIDTH = 60;

  private final int cellWidth;
  private final int maxRows;

  /** Cells of at most {@value #DEFAULT_CELL_WIDTH} characters, every row. */
  public TableRenderer() {
    this(DEFAULT_CELL_WIDTH, Integer.MAX_VALUE);
  }

  /**
   * @param cellWidth the widest a cell may be (at least 4)
   * @param maxRows the most rows printed per table; the rest is counted in a last line
   */
  public TableRenderer(int cellWidth, int maxRows) {
    if (cellWidth < 4 || maxRows < 1) {
      throw new IllegalArgumentException("cell width must be at least 4 and max rows at least 1");
    }
    this.cellWidth = cellWidth;
    this.maxRows = maxRows;
  }

  @Override
  public String render(TopologyResult result) {
    StringBuilder out = new StringBuilder();
    for (Table table : result.tables()) {
      if (out.length() > 0) {
        out.append('\n');
      }
      render(table, out);
    }
    return out.toString();
  }

  private void render(Table table, StringBuilder out) {
    out.append(table.title()).append('\n');
    List<List<String>> rows = new ArrayList<>();
    rows.add(table.columns());
    table.rows().stream().limit(maxRows).forEach(r -> rows.add(r.stream().map(this::cut).toList()));
    int[] widths = new int[table.columns().size()];
    for (List<String> row : rows) {
      for (int c = 0; c < widths.length && c < row.size(); c++) {
        widths[c] = Math.max(widths[c], row.get(c).codePointCount(0, row.get(c).length()));
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      line(rows.get(r), widths, out);
      if (r == 0) {
        List<String> rule = new ArrayList<>();
        for (int w : widths) {
          rule.add("-".repeat(w));
        }
        line(rule, widths, out);
      }
    }
    if (table.rows().isEmpty()) {
      out.append("(none)\n");
    } else if (table.rows().size() > maxRows) {
      out.append("... ").append(table.rows().size() - maxRows).append(" more rows\n");
    }
    table.notes().forEach(n -> out.append(n).append('\n'));
  }

  private static void line(List<String> cells, int[] widths, StringBuilder out) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      String cell = c < cells.size() ? cells.get(c) : "";
      line.append(cell);
      if (c < widths.length - 1) {
        line.append(" ".repeat(widths[c] - cell.codePointCount(0, cell.length()) + 2));
      }
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private String cut(String cell) {
    String flat = cell.replaceAll("\\s+", " ");
    return flat.codePointCount(0, flat.length()) <= cellWidth
        ? flat
        : flat.substring(0, flat.offsetByCodePoints(0, cellWidth - 1)) + "…";
  }
}
