package org.w3id.silkgraph.extract;

import java.util.List;

import org.w3id.silkgraph.gazetteer.Gazetteer;
import org.w3id.silkgraph.nlp.Token;

/** Reads one sentence into units: words, names, titles, dates. */
final class SentenceAnalyzer {
    private final Gazetteer gazetteer;
    private final BaseUnits base;
    private final NameGrammar grammar = new NameGrammar();

    SentenceAnalyzer(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.base = new BaseUnits(gazetteer);
    }

    /** HanLP's words of the sentence, over-long names split again. */
    List<Token> words(String sentence) {
        return Tokens.of(sentence, gazetteer);
    }

    List<Unit> analyze(String sentence, List<Token> words) {
        return grammar.apply(sentence, base.read(sentence, words));
    }
}
