package org.w3id.silkgraph.nlp;

import java.util.ArrayList;
import java.util.List;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

/**
 * HanLP's viterbi segmenter with its HMM role recognizers for person, transliterated, place and organization
 * names. HanLP segmenters are not safe to share between threads, so each thread gets its own.
 */
public final class Segmenter {
    private static final ThreadLocal<Segment> NER = ThreadLocal.withInitial(() -> {
        HanLpConfig.ensureConfigured();
        return HanLP.newSegment()
                .enableNameRecognize(true)
                .enableTranslatedNameRecognize(true)
                .enableJapaneseNameRecognize(false)
                .enablePlaceRecognize(true)
                .enableOrganizationRecognize(true)
                .enableOffset(true);
    });

    private static final ThreadLocal<Segment> PLAIN = ThreadLocal.withInitial(() -> {
        HanLpConfig.ensureConfigured();
        return HanLP.newSegment()
                .enableNameRecognize(false)
                .enableTranslatedNameRecognize(false)
                .enableJapaneseNameRecognize(false)
                .enablePlaceRecognize(false)
                .enableOrganizationRecognize(false)
                .enableOffset(true);
    });

    private Segmenter() {
    }

    /** Words of {@code text} with HanLP's named-entity roles. */
    public static List<Token> tokens(String text) {
        return convert(NER.get().seg(text), 0);
    }

    /** Dictionary words only, no name recognition: to split a name HanLP merged too eagerly. */
    public static List<Token> dictionaryWords(String text, int offset) {
        return convert(PLAIN.get().seg(text), offset);
    }

    /** Loads HanLP's dictionaries and models now rather than on the first document. */
    public static void warmUp() {
        tokens("中国科学院院士张三在北京出席论坛。");
    }

    private static List<Token> convert(List<Term> terms, int offset) {
        List<Token> out = new ArrayList<>(terms.size());
        int pos = 0;
        for (Term t : terms) {
            // HanLP's offsets are unreliable after some recognizers merge terms; the words are contiguous
            int start = pos;
            int end = start + t.word.length();
            out.add(new Token(t.word, t.nature == null ? "x" : t.nature.toString(), start + offset, end + offset));
            pos = end;
        }
        return out;
    }
}
