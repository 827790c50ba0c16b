package dev.noema.cli;

/** How query results are printed. */
enum OutputFormat {
  table,
  csv,
  tsv,
  json
}
