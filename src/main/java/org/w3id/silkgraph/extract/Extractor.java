package org.w3id.silkgraph.extract;

import java.util.ArrayList;
import java.util.List;

import org.w3id.silkgraph.gazetteer.Gazetteer;
import org.w3id.silkgraph.text.CleanDocument;
import org.w3id.silkgraph.text.Sentence;

/**
 * Names and facts of one cleaned document. Holds only immutable knowledge and per-thread HanLP segmenters, so one
 * extractor serves every thread.
 */
public final class Extractor {
    private final SentenceAnalyzer analyzer;
    private final Relations relations;

    public Extractor(Gazetteer gazetteer) {
        this.analyzer = new SentenceAnalyzer(gazetteer);
        this.relations = new Relations(gazetteer);
    }

    public Extraction extract(CleanDocument document) {
        List<List<Unit>> units = new ArrayList<>(document.sentences().size());
        for (Sentence s : document.sentences()) {
            units.add(analyzer.analyze(s.text()));
        }
        DocumentContext context = new DocumentContext(document, units);
        List<List<Mention>> mentions = new ArrayList<>(units.size());
        for (List<Unit> sentence : units) {
            List<Mention> found = new ArrayList<>();
            for (Unit u : sentence) {
                if (u.isEntity() && !u.is(Unit.Type.EVENT_REF)) {
                    addWithRelatives(u.mention, found);
                }
                // inside a name only countries count as named (中俄工程技术论坛 names China and Russia; 香港大公报 is a paper)
                u.parts.stream().flatMap(Unit::withParts).filter(x -> x.is(Unit.Type.PLACE)
                        && (x.mention.isCountry() || x.mention.isPair() && x.mention.members().stream().allMatch(Mention::isCountry)))
                        .forEach(x -> addWithRelatives(x.mention, found));
            }
            mentions.add(found);
        }
        return new Extraction(document, mentions, relations.find(context));
    }

    /** A pair stands for its members; a department's parent organization is named too. */
    private static void addWithRelatives(Mention m, List<Mention> out) {
        if (m.isPair()) {
            out.addAll(m.members());
            return;
        }
        out.add(m);
        if (m.parent() != null) {
            addWithRelatives(m.parent(), out);
        }
    }
}
