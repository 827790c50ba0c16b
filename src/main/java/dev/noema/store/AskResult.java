package dev.noema.store;

import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * Presents an ASK answer as a one-row result with the variable {@code ask}, so callers handle one
 * result shape.
 */
final class AskResult {
  private AskResult() {}

  static ResultSet asResultSet(boolean answer) {
    Var ask = Var.alloc("ask");
    RowSet rows =
        RowSetStream.create(
            List.of(ask),
            List.of(
                    BindingFactory.binding(
                        ask,
                        NodeFactory.createLiteralDT(
                            Boolean.toString(answer),
                            org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean)))
                .iterator());
    return ResultSet.adapt(rows);
  }
}
