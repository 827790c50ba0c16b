/**
 * The topology of meaning: the meaning layer ({@link dev.noema.meaning.MeaningLayer}) as an
 * in-memory JGraphT graph ({@link dev.noema.topology.MeaningGraph}, made by {@link
 * dev.noema.topology.MeaningGraphs}) and the analyses behind {@code noema explore}: centres,
 * clusters (Leiden), bridges, paths, neighbourhoods, perspectives, flow and shape. Each analysis is
 * one class behind {@link dev.noema.topology.Analysis}; {@link dev.noema.topology.Topology} wires
 * them over one graph and caches their results. Results are records that render as tables or JSON
 * ({@link dev.noema.topology.TopologyRenderer}), that write back as derived RDF ({@link
 * dev.noema.topology.DerivedMeasures}) and that export to GraphML, GEXF, DOT and Cytoscape.js JSON
 * ({@link dev.noema.topology.GraphExport}). Builds on {@code meaning}, {@code ontology} and {@code
 * store}.
 */
package dev.noema.topology;
