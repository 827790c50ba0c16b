package dev.noema.ontology;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

class NoemaVocabularyTest {

  @Test
  void every_java_constant_is_declared_in_the_ontology() throws IllegalAccessException {
    Model ontology = RDFDataMgr.loadModel("ontology/noema.ttl");
    List<String> undeclared = new ArrayList<>();
    for (Field field : Noema.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Node.class) {
        String iri = ((Node) field.get(null)).getURI();
        if (!ontology.contains(ResourceFactory.createResource(iri), RDF.type)) {
          undeclared.add(field.getName() + " = " + iri);
        }
      }
    }
    assertTrue(
        undeclared.isEmpty(),
        "terms named in Java but not declared in ontology/noema.ttl: " + undeclared);
  }
}
