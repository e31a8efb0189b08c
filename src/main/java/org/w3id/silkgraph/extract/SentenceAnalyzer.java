package org.w3id.silkgraph.extract;

import java.util.List;

import org.w3id.silkgraph.gazetteer.Gazetteer;

/** Reads one sentence into units: words, names, titles, dates. */
final class SentenceAnalyzer {
    private final Gazetteer gazetteer;
    private final BaseUnits base;
    private final NameGrammar grammar = new NameGrammar();

    SentenceAnalyzer(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.base = new BaseUnits(gazetteer);
    }

    List<Unit> analyze(String sentence) {
        return grammar.apply(sentence, base.read(sentence, Tokens.of(sentence, gazetteer)));
    }
}
