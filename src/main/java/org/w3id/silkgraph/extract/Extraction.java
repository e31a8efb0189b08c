package org.w3id.silkgraph.extract;

import java.util.List;

import org.w3id.silkgraph.text.CleanDocument;

/**
 * What one document states: the names in each sentence and the facts between them.
 *
 * @param document  the cleaned document (sentences, offsets back to the source)
 * @param mentions  per sentence, the entity names found in it (places, organizations, people, events, works)
 * @param facts     facts with the sentence that states each
 */
public record Extraction(CleanDocument document, List<List<Mention>> mentions, List<Fact> facts) {
    public Extraction {
        mentions = mentions.stream().map(List::copyOf).toList();
        facts = List.copyOf(facts);
    }
}
