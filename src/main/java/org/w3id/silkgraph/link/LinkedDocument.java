package org.w3id.silkgraph.link;

import java.util.List;

import org.w3id.silkgraph.text.CleanDocument;

/** A document's entities, in a stable order, and its facts between them. */
public record LinkedDocument(CleanDocument document, List<Entity> entities, List<LinkedFact> facts) {
    public LinkedDocument {
        entities = List.copyOf(entities);
        facts = List.copyOf(facts);
    }
}
