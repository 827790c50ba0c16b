package dev.noema.store;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * Parses SPARQL and binds parameters by syntax substitution on the parsed query, so that a value
 * can never change the query's structure (no string concatenation, no injection).
 */
final class PreparedQuery {
  private PreparedQuery() {}

  static Query parse(String sparql, Map<String, Node> params) {
    Query query;
    try {
      query = QueryFactory.create(sparql);
    } catch (QueryParseException e) {
      throw new QuerySyntaxException("SPARQL syntax error: " + firstLine(e.getMessage()), e);
    }
    if (params == null || params.isEmpty()) {
      return query;
    }
    Map<Var, Node> bindings =
        params.entrySet().stream()
            .collect(Collectors.toMap(e -> Var.alloc(e.getKey()), Map.Entry::getValue));
    return QueryTransformOps.syntaxSubstitute(query, bindings);
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
