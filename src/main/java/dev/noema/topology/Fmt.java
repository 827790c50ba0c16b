package dev.noema.topology;

import java.util.Locale;

/** Number formatting for tables, locale-independent. */
final class Fmt {
  private Fmt() {}

  static String num(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e9) {
      return String.valueOf((long) value);
    }
    return String.format(Locale.ROOT, Math.abs(value) < 0.001 ? "%.2e" : "%.4f", value);
  }

  static String num(Double value) {
    return value == null ? "-" : num(value.doubleValue());
  }
}
