package org.w3id.silkgraph.nlp;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;

/** HanLP's core dictionary as a check: is a string an everyday word rather than a name? */
public final class CoreWords {
    private CoreWords() {
    }

    /** True when HanLP's dictionary knows {@code w} as a word seen at least {@code minFrequency} times, never as a name. */
    public static boolean isCommonWord(String w, int minFrequency) {
        HanLpConfig.ensureConfigured();
        CoreDictionary.Attribute a = CoreDictionary.get(w);
        if (a == null || a.totalFrequency < minFrequency) {
            return false;
        }
        for (Nature n : a.nature) {
            if (n == Nature.nr || n == Nature.nrf || n == Nature.nr1 || n == Nature.nr2) {
                return false;
            }
        }
        return true;
    }

    /** True when HanLP's dictionary knows {@code w} as a person's name (习近平). */
    public static boolean isKnownName(String w) {
        HanLpConfig.ensureConfigured();
        CoreDictionary.Attribute a = CoreDictionary.get(w);
        if (a == null) {
            return false;
        }
        for (Nature n : a.nature) {
            if (n == Nature.nr || n == Nature.nrf) {
                return true;
            }
        }
        return false;
    }
}
