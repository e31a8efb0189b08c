package org.w3id.silkgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.w3id.silkgraph.gazetteer.Gazetteer;
import org.w3id.silkgraph.gazetteer.NameForm;
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
    private static final String PLACE_ENDINGS = "湾台关村镇庄屯寨坝沟岭口乡岛港堡营滩桥";
    private static final Set<String> HONORIFICS = Set.of("先生", "女士", "同志", "教授", "博士", "院士", "一行", "夫妇");

    private static final java.util.regex.Pattern BYLINE_ROLE = java.util.regex.Pattern.compile("^(记者|通讯员|编辑|责任编辑)[:：\\s]*");
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
            while (start > 0 && gazetteer.isTransliterationChar(s.charAt(start - 1)) && !titleEndsAt(s, start)) {
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

    /** A byline at the end of a report: (战钊), （记者 王明）. */
    void bylines(String s, List<Unit> containers, List<Unit> out) {
        for (Unit p : containers) {
            if (!p.is(Unit.Type.PAREN)) {
                continue;
            }
            String inner = BYLINE_ROLE.matcher(p.text.substring(1, p.text.length() - 1)).replaceFirst("").strip();
            int at = p.text.indexOf(inner);
            if (at > 0 && looksChinese(inner) && p.end == s.length()) {
                out.add(Unit.of(Unit.Type.PERSON, Mention.of(Kind.PERSON, "Person", inner, p.start + at, p.start + at + inner.length())));
            }
        }
    }

    /** A job title ends right before {@code at}: 总理|易卜拉欣 (理 is also a transliteration character). */
    private boolean titleEndsAt(String s, int at) {
        for (int len = 2; len <= 6 && at - len >= 0; len++) {
            if (gazetteer.isTitle(s.substring(at - len, at))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Names HanLP's recognizers tagged, kept only when they look like names. After a job title one signal more is
     * enough; without one, the name needs a common surname, a place in the sentence where names stand, and no
     * everyday word made with its neighbours.
     */
    void tagged(String s, List<Token> tokens, List<Unit> out) {
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            boolean chinese = t.tag().equals("nr");
            boolean japanese = t.tag().equals("nrj");
            boolean foreign = t.tag().equals("nrf");
            if (!chinese && !foreign && !japanese) {
                continue;
            }
            Token before = k > 0 ? tokens.get(k - 1) : null;
            Token after = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
            Token beforeTitle = k > 1 ? tokens.get(k - 2) : null;
            boolean afterTitle = before != null && (before.tagged("nnt") || gazetteer.isTitle(before.word()))
                    && !(beforeTitle != null && beforeTitle.tagged("nr")); // 习近平主席|谈得很好: name, then title
            Token afterNext = k + 2 < tokens.size() ? tokens.get(k + 2) : null;
            boolean titleAfter = after != null && (after.tagged("nnt") || gazetteer.titleAt(s, after.start()) > 0
                    || after.word().equals("副") && afterNext != null && afterNext.tagged("nnt"));
            boolean knownName = CoreWords.isKnownName(t.word());
            boolean ok;
            if (chinese) {
                boolean cutShort = after != null && after.length() == 1 && !endsName(after) && !titleAfter;
                ok = !gluedToWord(before, t, after) && !placeFollows(after) && !cutShort
                        && (afterTitle ? looksChinese(t.word(), false)
                        : looksChinese(t.word(), true) && (knownName || t.length() == 3 && gazetteer.isCommonSurname(t.word().substring(0, 1)))
                          && introducesName(before) && (endsName(after) || titleAfter)
                          && !(after != null && after.tag().startsWith("n") && !titleAfter && !HONORIFICS.contains(after.word())));
            } else if (foreign) {
                // 安|瓦尔, 扎帕|罗夫: HanLP often tags only the end of a foreign name; take the scraps before it too
                int first = k;
                while (first > 0 && isTransliterationScrap(tokens.get(first - 1)) && !gazetteer.isTitle(tokens.get(first - 1).word())) {
                    first--;
                }
                Token lead = first > 0 ? tokens.get(first - 1) : null;
                boolean leadTitle = lead != null && (lead.tagged("nnt") || gazetteer.isTitle(lead.word()));
                String name = s.substring(tokens.get(first).start(), t.end());
                if (looksForeign(name) && (leadTitle || afterTitle || endsName(after))) {
                    out.add(Unit.of(Unit.Type.PERSON, Mention.of(Kind.PERSON, "Person", name, tokens.get(first).start(), t.end())));
                }
                continue;
            } else {
                ok = looksJapanese(t.word()) && (afterTitle || endsName(after));
            }
            if (ok) {
                out.add(Unit.of(Unit.Type.PERSON, Mention.of(Kind.PERSON, "Person", t.word(), t.start(), t.end())));
            }
        }
    }

    private boolean isTransliterationScrap(Token t) {
        return t.length() <= 2 && !t.tagged("w") && !t.tagged("p") && !t.tagged("c") && !t.tagged("u")
                && t.word().chars().allMatch(c -> gazetteer.isTransliterationChar((char) c));
    }

    /** 莫干山|镇, 骆驼湾|村: a place word follows, so the name is a place's. */
    private static boolean placeFollows(Token after) {
        return after != null && "镇村乡县区市街路河湖山岛".indexOf(after.word().charAt(0)) >= 0 && after.word().length() <= 2
                && !after.tagged("v") && !after.tagged("p");
    }

    /**
     * Names standing in a list with names: 王沪宁、栗战书、杨洁篪 — a list item that looks like a Chinese name
     * between two persons is one even where HanLP did not tag it.
     */
    List<Unit> inLists(String s, List<Unit> units) {
        List<Unit> out = new ArrayList<>(units);
        for (int i = 0; i < out.size(); i++) {
            Unit u = out.get(i);
            if (!u.is(Unit.Type.WORD) || u.length() < 2 || u.length() > 3) {
                continue;
            }
            int persons = personsInList(out, i);
            boolean listed = (u.tag.equals("nr") && persons >= 1) || (persons >= 2 && neighboursArePersons(out, i));
            if (listed && looksChinese(u.text)) {
                out.set(i, Unit.of(Unit.Type.PERSON, Mention.of(Kind.PERSON, "Person", u.text, u.start, u.end)));
            }
        }
        return out;
    }

    /** Persons in the 、-separated list that unit {@code i} stands in. */
    private static int personsInList(List<Unit> units, int i) {
        int n = 0;
        for (int step : new int[] {-2, 2}) {
            for (int j = i + step; j >= 0 && j < units.size() && units.get(j - step / 2).isWord("、"); j += step) {
                if (units.get(j).is(Unit.Type.PERSON)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Each neighbour in the list, where there is one, is a person. */
    private static boolean neighboursArePersons(List<Unit> units, int i) {
        boolean before = i < 2 || !units.get(i - 1).isWord("、") || units.get(i - 2).is(Unit.Type.PERSON);
        boolean after = i + 2 >= units.size() || !units.get(i + 1).isWord("、") || units.get(i + 2).is(Unit.Type.PERSON);
        return before && after;
    }

    /**
     * Job title followed by words HanLP did not read as a name: 教授张/q 晔/g, 书记王/n 进展/vn. The name is the
     * next one to three characters starting with a surname, and something that ends a name must follow.
     */
    List<Unit> afterTitles(String s, List<Unit> units) {
        List<Unit> out = new ArrayList<>(units);
        for (int i = 0; i < out.size(); i++) {
            if (!out.get(i).is(Unit.Type.TITLE) || i > 0 && out.get(i - 1).is(Unit.Type.PERSON)) {
                continue; // 习近平主席谈得很好: the name came before the title
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
                if (name.length() < 2 || name.length() > 6 || !(looksChinese(name, false) || looksForeign(name) && name.length() >= 3)) {
                    continue; // 主任徐绍史, 外交部长真蒂洛尼
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

    /** What may come before a name: a pause, a conjunction, a preposition (由, 与), a verb (会见), a title. */
    private boolean introducesName(Token before) {
        if (before == null || before.tagged("w") || before.tagged("c") || before.tagged("p") || before.tagged("nnt")
                || before.tagged("v") || before.tagged("ule")) {
            return true;
        }
        return gazetteer.isTitle(before.word());
    }

    /** What may follow a name: a pause, a verb (说, 表示, 会见), a title, a preposition, 等 or 的. */
    private static boolean endsName(Token after) {
        if (after == null) {
            return true;
        }
        String tag = after.tag();
        return tag.equals("w") || tag.startsWith("v") || tag.equals("nnt") || tag.startsWith("p") || tag.startsWith("c")
                || tag.startsWith("u") || tag.startsWith("d") || HONORIFICS.contains(after.word());
    }

    private static boolean gluedToWord(Token before, Token name, Token after) {
        String w = name.word();
        if (before != null && !before.tagged("w") && CoreWords.isCommonWord(before.word().charAt(before.word().length() - 1) + w, 1)) {
            return true;
        }
        if (after != null && !after.tagged("w") && CoreWords.isCommonWord(w + after.word().charAt(0), 1)) {
            return true;
        }
        return w.length() == 3 && CoreWords.isCommonWord(w.substring(1), 50);
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
            return next.is(Unit.Type.TITLE) || next.is(Unit.Type.PAREN) || next.is(Unit.Type.DATE); // 谭德塞11日表示
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
        return looksChinese(w, true);
    }

    /** {@code placeCheck}: also reject strings that name a place (not needed right after a job title: 副主席武强). */
    boolean looksChinese(String w, boolean placeCheck) {
        if (w.length() < 2 || w.length() > 4 || gazetteer.isTitle(w)
                || gazetteer.lookup(w).stream().anyMatch(e -> !e.isPlace() || e.form() != NameForm.MINOR)) {
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
        if (placeCheck && (gazetteer.isPlaceName(w) || (w.length() == 3 && gazetteer.isPlaceName(w.substring(0, 2))))) {
            return false; // 海原, 安吉共: a place's name
        }
        if (PLACE_ENDINGS.indexOf(w.charAt(w.length() - 1)) >= 0 && w.length() == 3) {
            return false; // 骆驼湾, 龙泉关: villages and passes, not people
        }
        // 关于, 范围广: an everyday word, or one at the start, is not a name
        return !CoreWords.isCommonWord(w, 5) && !(w.length() == 3 && CoreWords.isCommonWord(w.substring(0, 2), 20));
    }

    private boolean looksJapanese(String w) {
        return w.length() >= 3 && w.length() <= 5 && gazetteer.lookup(w).isEmpty() && !CoreWords.isCommonWord(w, 1)
                && w.chars().allMatch(Character::isIdeographic);
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
