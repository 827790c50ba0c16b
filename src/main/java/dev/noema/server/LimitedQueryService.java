package dev.noema.server;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.query.Query;

/**
 * Fuseki's SPARQL query service with a cap on result size: a query without a LIMIT, or with a
 * larger one, runs with LIMIT {@code maxRows}. (The time limit is ARQ's {@code queryTimeout}, set
 * on the dataset's context.)
 */
final class LimitedQueryService extends SPARQL_QueryDataset {
  private final long maxRows;

  LimitedQueryService(long maxRows) {
    this.maxRows = maxRows;
  }

  @Override
  protected void validateQuery(HttpAction action, Query query) {
    super.validateQuery(action, query);
    cap(query, maxRows);
  }

  /** Caps SELECT, CONSTRUCT and DESCRIBE at {@code maxRows}; ASK has a single answer. */
  static void cap(Query query, long maxRows) {
    if (!query.isAskType() && (!query.hasLimit() || query.getLimit() > maxRows)) {
      query.setLimit(maxRows);
    }
  }
}
