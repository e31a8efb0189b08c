package org.w3id.silkgraph;

import java.util.List;

import org.apache.jena.sparql.core.Quad;

/**
 * The graph of one document: its quads (all in the document's named graph) and what they hold.
 *
 * @param documentId the document's id
 * @param quads      the quads, in an order that depends on the document alone
 * @param entities   number of distinct entities
 * @param facts      number of distinct facts (each with its evidence)
 * @param characters length of the source text (UTF-16 units), for throughput figures
 */
public record DocumentGraph(String documentId, List<Quad> quads, int entities, int facts, int characters) {
    public DocumentGraph {
        quads = List.copyOf(quads);
    }
}
