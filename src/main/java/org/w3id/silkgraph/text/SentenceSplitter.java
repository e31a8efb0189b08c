package org.w3id.silkgraph.text;

import java.util.ArrayList;
import java.util.List;

/** Splits cleaned text at sentence-final punctuation (with the closing quotes that follow it) and at line breaks. */
final class SentenceSplitter {
    private static final String FINAL = "。！？!?";
    private static final String CLOSING = "”’」』）)》\"'";

    /**
     * The longest piece handed on as one sentence. HanLP's lattice for a sentence grows faster than its length: a
     * 2,900-character list of names without a full stop (a funeral committee in the CCTV corpus) took 230 MB of heap
     * at once. Longer runs are cut at their last clause break before this many characters (about 1 in 8,000 news
     * sentences is longer).
     */
    static final int MAX_LENGTH = 500;
    private static final String CLAUSE_BREAKS = "；;，,、：: \t";

    private SentenceSplitter() {
    }

    static List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            boolean cut = i == n || text.charAt(i) == '\n';
            int end = i;
            if (!cut && FINAL.indexOf(text.charAt(i)) >= 0) {
                end = i + 1;
                while (end < n && (FINAL.indexOf(text.charAt(end)) >= 0 || CLOSING.indexOf(text.charAt(end)) >= 0)) {
                    end++;
                }
                cut = true;
                i = end - 1;
            }
            if (cut) {
                add(out, text, start, end);
                start = cut && i < n && text.charAt(i) == '\n' ? i + 1 : end;
            }
        }
        return out;
    }

    private static void add(List<Sentence> out, String text, int start, int end) {
        while (end - start > MAX_LENGTH) {
            int cut = clauseBreakBefore(text, start, start + MAX_LENGTH);
            addTrimmed(out, text, start, cut);
            start = cut;
        }
        addTrimmed(out, text, start, end);
    }

    /** Just after the last clause break in the second half of [start, limit), else at limit (not inside a pair). */
    private static int clauseBreakBefore(String text, int start, int limit) {
        for (int i = limit; i > start + MAX_LENGTH / 2; i--) {
            if (CLAUSE_BREAKS.indexOf(text.charAt(i - 1)) >= 0) {
                return i;
            }
        }
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }

    private static void addTrimmed(List<Sentence> out, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Sentence(out.size(), start, end, text.substring(start, end)));
        }
    }
}
