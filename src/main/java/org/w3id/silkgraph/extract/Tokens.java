package org.w3id.silkgraph.extract;

import java.util.ArrayList;
import java.util.List;

import org.w3id.silkgraph.gazetteer.Gazetteer;
import org.w3id.silkgraph.gazetteer.GazetteerEntry;
import org.w3id.silkgraph.gazetteer.Trie;
import org.w3id.silkgraph.nlp.Segmenter;
import org.w3id.silkgraph.nlp.Token;

/**
 * HanLP's organization and place recognizers glue words into long names that are often wrong
 * (江西省鹰潭市铜智能制造/nt, 化工大学节能物流/nt). Those are split back into dictionary words so the name
 * grammar, which knows names by their endings, can draw the boundaries itself.
 */
final class Tokens {
    private Tokens() {
    }

    static List<Token> of(String sentence, Gazetteer gazetteer) {
        List<Token> raw = Segmenter.tokens(sentence);
        List<Token> out = new ArrayList<>(raw.size() + 8);
        for (Token t : raw) {
            if (needsSplit(t, gazetteer)) {
                out.addAll(Segmenter.dictionaryWords(t.word(), t.start()));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean needsSplit(Token t, Gazetteer g) {
        if (t.length() < 4 || !g.lookup(t.word()).isEmpty()) {
            return false;
        }
        if (t.tagged("nt")) {
            return true;
        }
        return t.tagged("ns") && containsGazetteerName(t.word(), g);
    }

    private static boolean containsGazetteerName(String w, Gazetteer g) {
        boolean[] found = {false};
        Trie.Hit<List<GazetteerEntry>> hit = (start, end, entries) -> found[0] |= end - start >= 2;
        for (int i = 0; i < w.length() && !found[0]; i++) {
            g.namesAt(w, i, hit);
        }
        return found[0];
    }
}
