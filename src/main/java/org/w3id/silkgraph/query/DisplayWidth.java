package org.w3id.silkgraph.query;

/**
 * The number of terminal columns a string takes: East Asian wide and fullwidth characters (Han,
 * kana, Hangul, fullwidth punctuation such as ，and 。) take two, combining marks none.
 * The ranges are those of Markus Kuhn's wcwidth, widened to the supplementary ideographic planes.
 */
final class DisplayWidth {

    private DisplayWidth() {}

    static int of(String text) {
        return text.codePoints().map(DisplayWidth::ofCodePoint).sum();
    }

    private static int ofCodePoint(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT)
            return 0;
        return isWide(cp) ? 2 : 1;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)              // Hangul Jamo initials
                || cp == 0x2329 || cp == 0x232A            // angle brackets
                || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) // CJK radicals … Yi
                || (cp >= 0xAC00 && cp <= 0xD7A3)          // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF)          // CJK compatibility ideographs
                || (cp >= 0xFE10 && cp <= 0xFE19)          // vertical forms
                || (cp >= 0xFE30 && cp <= 0xFE6F)          // CJK compatibility forms
                || (cp >= 0xFF00 && cp <= 0xFF60)          // fullwidth forms
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)        // pictographs, emoticons
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);       // CJK extensions B and beyond
    }
}
