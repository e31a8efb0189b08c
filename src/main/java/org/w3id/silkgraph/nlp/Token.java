package org.w3id.silkgraph.nlp;

/**
 * A word as HanLP segmented and tagged it.
 *
 * @param word  the characters
 * @param tag   HanLP's part-of-speech tag (ns place, nr person, nrf transliterated name, nt organization,
 *              nnt job title, nis institution suffix, w punctuation, …)
 * @param start offset of the first character in the analysed text
 * @param end   offset after the last character
 */
public record Token(String word, String tag, int start, int end) {

    public boolean tagged(String prefix) {
        return tag.startsWith(prefix);
    }

    public int length() {
        return end - start;
    }
}
