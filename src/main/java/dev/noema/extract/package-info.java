/**
 * Extracting meaning from turns: the neutral extraction model ({@link dev.noema.extract.Extraction}
 * and its records), the {@link dev.noema.extract.Extractor} seam, validation of extracted facts
 * against the ontology and the turn text ({@link dev.noema.extract.FactValidator}), their RDF form,
 * one named graph per turn and extractor ({@link dev.noema.extract.ExtractionGraphs}), and the
 * deterministic offline extractor that reads the turns' Markdown structure ({@link
 * dev.noema.extract.StructuralExtractor}). Builds on {@code conversation} and {@code ontology}.
 */
package dev.noema.extract;
