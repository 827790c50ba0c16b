package dev.noema.store;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract against a real Fuseki server on loopback, serving an in-memory TDB2 dataset with the
 * union default graph.
 */
class SparqlEndpointGraphStoreTest extends GraphStoreContract {
  FusekiServer server;

  @Override
  GraphStore openStore() {
    DatasetGraph dataset = DatabaseMgr.createDatasetGraph();
    dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
    server = FusekiServer.create().port(0).loopback(true).add("/kb", dataset).build().start();
    return SparqlEndpointGraphStore.connect("http://localhost:" + server.getHttpPort() + "/kb");
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }
}
