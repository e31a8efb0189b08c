package org.w3id.silkgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.w3id.silkgraph.gazetteer.Gazetteer;
import org.w3id.silkgraph.nlp.CoreWords;
import org.w3id.silkgraph.nlp.Token;

/**
 * Person names: transliterated names joined by a middle dot (德鲁卡连科·谢尔盖·彼得罗维奇), names HanLP tags
 * that pass a surname and shape check, and names right after a job title (教授张晔, 书记王进展) that HanLP cut apart.
 */
final class PersonNames {
    /** Characters that do not occur as the second or third character of a Chinese given name in news text. */
    private static final String NOT_IN_GIVEN_NAME = "的了是在和与为以也都将被把就而及或等之其这那个们年月日时分省市县区国说表示";
    private static final String DOTS = "·•・‧";
    private static final Set<String> HONORIFICS = Set.of("先生", "女士", "同志", "教授", "博士", "院士", "一行", "夫妇");

    private final Gazetteer gazetteer;

    PersonNames(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Runs of transliteration characters joined by middle dots, at least two parts. */
    void transliterated(String s, List<Unit> out) {
        for (int i = 0; i < s.length(); i++) {
            if (DOTS.indexOf(s.charAt(i)) < 0) {
                continue;
            }
            int start = i;
            while (start > 0 && gazetteer.isTransliterationChar(s.charAt(start - 1))) {
                start--;
            }
            if (i - start < 2) {
                continue;
            }
            int end = i;
            int dots = 0;
            while (end < s.length() && DOTS.indexOf(s.charAt(end)) >= 0) {
                int k = end + 1;
                while (k < s.length() && s.charAt(k) == ' ') {
                    k++;
                }
                int partEnd = k;
                while (partEnd < s.length() && gazetteer.isTransliterationChar(s.charAt(partEnd))) {
                    partEnd++;
                }
                if (partEnd - k < 1) {
                    break;
                }
                end = partEnd;
                dots++;
            }
            if (dots == 0) {
                continue;
            }
            String surface = s.substring(start, end);
            out.add(Unit.of(Unit.Type.PERSON, Mention.of(Kind.PERSON, "Person", surface, start, end)));
            i = end;
        }
    }

    /** Names HanLP's recognizers tagged, kept only when they look like names. */
    void tagged(String s, List<Token> tokens, List<Unit> out) {
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            boolean chinese = t.tag().equals("nr");
            boolean foreign = t.tag().equals("nrf");
            if (!chinese && !foreign) {
                continue;
            }
            Token before = k > 0 ? tokens.get(k - 1) : null;
            if (before != null && (before.tagged("m") || before.tagged("nr"))) {
                continue; // "30余位", or a name cut in two that we cannot trust
            }
            if (chinese && t.length() == 2 && !introducesName(before)) {
                continue; // two-character names are too often words (二是广聚专业嘉宾); trust them after a title or a pause
            }
            Token after = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
            if (after != null && after.tag().equals("n") && !HONORIFICS.contains(after.word())) {
                continue; // 西部陆海新|通道: a name is not followed by a plain noun
            }
            if (chinese ? looksChinese(t.word()) : looksForeign(t.word())) {
                out.add(Unit.of(Unit.Type.PERSON, Mention.of(Kind.PERSON, "Person", t.word(), t.start(), t.end())));
            }
        }
    }

    /**
     * Job title followed by words HanLP did not read as a name: 教授张/q 晔/g, 书记王/n 进展/vn. The name is the
     * next one to three characters starting with a surname, and something that ends a name must follow.
     */
    List<Unit> afterTitles(String s, List<Unit> units) {
        List<Unit> out = new ArrayList<>(units);
        for (int i = 0; i < out.size(); i++) {
            if (!out.get(i).is(Unit.Type.TITLE)) {
                continue;
            }
            int j = i + 1;
            if (j < out.size() && out.get(j).isWord(" ")) {
                j++;
            }
            for (int take = Math.min(3, out.size() - j); take >= 1; take--) {
                if (!allWords(out, j, j + take)) {
                    continue;
                }
                int start = out.get(j).start;
                int end = out.get(j + take - 1).end;
                String name = s.substring(start, end);
                if (name.length() < 2 || name.length() > 4 || !looksChinese(name)) {
                    continue;
                }
                if (j + take < out.size() && !endsName(out.get(j + take))) {
                    continue;
                }
                Unit person = Unit.of(Unit.Type.PERSON, Mention.of(Kind.PERSON, "Person", name, start, end));
                out.subList(j, j + take).clear();
                out.add(j, person);
                break;
            }
        }
        return out;
    }

    private boolean introducesName(Token before) {
        if (before == null || before.tagged("w") || before.tagged("c") || before.tagged("nnt") || before.tagged("nt")
                || before.tagged("ns") || before.tagged("nis")) {
            return true;
        }
        return gazetteer.isTitle(before.word());
    }

    private static boolean allWords(List<Unit> units, int from, int to) {
        for (int k = from; k < to; k++) {
            Unit u = units.get(k);
            if (!u.is(Unit.Type.WORD) || u.isPunct() || u.text.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsName(Unit next) {
        if (!next.is(Unit.Type.WORD)) {
            return next.is(Unit.Type.TITLE) || next.is(Unit.Type.PAREN);
        }
        if (next.isPunct() || HONORIFICS.contains(next.text)) {
            return true;
        }
        String tag = next.tag;
        return tag.startsWith("p") || tag.startsWith("d") || tag.startsWith("v") || tag.startsWith("c")
                || tag.startsWith("u") || tag.startsWith("r") || tag.startsWith("y");
    }

    /** Surname (one or two characters) plus a one- or two-character given name, and nothing known otherwise. */
    boolean looksChinese(String w) {
        if (w.length() < 2 || w.length() > 4 || !gazetteer.lookup(w).isEmpty() || gazetteer.isTitle(w)) {
            return false;
        }
        int surname = w.length() >= 3 && gazetteer.isSurname(w.substring(0, 2)) ? 2
                : gazetteer.isSurname(w.substring(0, 1)) ? 1 : 0;
        if (surname == 0 || w.length() - surname < 1 || w.length() - surname > 2) {
            return false;
        }
        for (int i = surname; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!Character.isIdeographic(c) || NOT_IN_GIVEN_NAME.indexOf(c) >= 0) {
                return false;
            }
        }
        // 关于, 范围广: an everyday word, or one at the start, is not a name
        return !CoreWords.isCommonWord(w, 5) && !(w.length() == 3 && CoreWords.isCommonWord(w.substring(0, 2), 20));
    }

    private boolean looksForeign(String w) {
        if (w.length() < 2 || !gazetteer.lookup(w).isEmpty()) {
            return false;
        }
        for (char c : w.toCharArray()) {
            if (!gazetteer.isTransliterationChar(c) && DOTS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
