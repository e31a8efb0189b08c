package org.w3id.silkgraph.text;

import java.util.ArrayList;
import java.util.List;

/** Splits cleaned text at sentence-final punctuation (with the closing quotes that follow it) and at line breaks. */
final class SentenceSplitter {
    private static final String FINAL = "。！？!?";
    private static final String CLOSING = "”’」』）)》\"'";

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
