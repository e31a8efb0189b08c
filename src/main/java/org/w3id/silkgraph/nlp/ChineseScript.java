package org.w3id.silkgraph.nlp;

import com.hankcs.hanlp.HanLP;

/** Traditional → simplified conversion that keeps every character where it was, so offsets stay valid. */
public final class ChineseScript {
    private ChineseScript() {
    }

    /**
     * HanLP converts whole phrases; when a phrase mapping changed the length (rare), fall back to character by
     * character conversion, which never does.
     */
    public static String toSimplified(String text) {
        HanLpConfig.ensureConfigured();
        String s = HanLP.convertToSimplifiedChinese(text);
        if (s.length() == text.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            String one = text.substring(i, i + n);
            String c = HanLP.convertToSimplifiedChinese(one);
            b.append(c.length() == n ? c : one);
            i += n;
        }
        return b.toString();
    }
}
