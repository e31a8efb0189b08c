package org.w3id.silkgraph.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * Names of organizations, events, standards, programs and agreements, read from their endings: a known ending
 * (…大学, …研究所, …论坛, 第N届…大会, …国际标准, “…”计划) and, walking left from it, the words that can be part
 * of such a name, up to the word that cannot (a verb such as 主办, a preposition, a count such as 9家, punctuation).
 * A name must have something distinctive besides its ending, so 相关企业 or 5场主题活动 are not names.
 */
final class NameGrammar {
    private static final Set<String> DEICTIC = Set.of("本届", "本次", "这次", "此次", "该", "这一", "上述", "此届", "该届", "这届", "这个", "此");
    private static final Set<String> ANAPHOR_FOLLOWERS = Set.of("将", "由", "于", "定于", "期间", "以", "在", "设置", "围绕",
            "共", "还", "已", "的", "得到", "邀请", "是", "为", "坚持", "聚焦", "旨在", "开幕", "闭幕", "举行", "举办", "召开");
    private static final Pattern STANDARD_CODE = Pattern.compile(
            "(?:ISO/IEC|ISO|IEC|ITU-T|IEEE|GB/T|GB|GB/Z|JB/T|YY/T|T/[A-Z]{2,8})\\s?[0-9]{2,6}(?:[.\\-][0-9]+)*(?:[-:][0-9]{4})?");
    private static final Pattern ORDINAL = Pattern.compile("^(第[0-9一二三四五六七八九十百零〇]+[届次期]|首届|首次|首个|[0-9一二三四五六七八九十]+届)$");

    private static final Pattern FIRST_OF_KIND = Pattern.compile("首[个次届]");
    private static final Pattern TERM_PREFIX = Pattern.compile("(新|本|上|下|每|该|这|此)一?[届轮]");
    private static final Pattern DATE_WORD = Pattern.compile("[0-9年月日天]");
    private static final Pattern ORDINAL_PIECE = Pattern.compile("[0-9]{4}|第|[0-9一二三四五六七八九十]+|届|次|首届");
    private static final Pattern COUNT = Pattern.compile("[0-9一二三四五六七八九十几多余首][家个所批项场届次位名座]$");
    private static final Pattern ACRONYM = Pattern.compile("[A-Z][A-Za-z0-9&\\- ]{1,15}");
    private static final Pattern QUOTES = Pattern.compile("[“”\"]");
    private static final Pattern SHORT_NAME = Pattern.compile("^(以下)?简称[:：]?");

    private enum Mode { ORGANIZATION, EVENT, WORK }

    private final Lexicon lexicon = Lexicon.get();

    List<Unit> apply(String s, List<Unit> units) {
        List<Phrase> phrases = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            if (!u.is(Unit.Type.WORD) || u.isPunct()) {
                if (u.is(Unit.Type.QUOTE)) {
                    bookTitle(s, units, i, phrases);
                }
                continue;
            }
            if (lexicon.endingChars.get(u.text.charAt(u.text.length() - 1))) {
                suffixed(s, units, i, Mode.ORGANIZATION, phrases);
                suffixed(s, units, i, Mode.EVENT, phrases);
                suffixed(s, units, i, Mode.WORK, phrases);
                eventReference(units, i, phrases);
            }
        }
        standardCodes(s, units, phrases);
        List<Unit> out = select(units, phrases);
        return attachParentheses(s, out);
    }

    /** A phrase candidate: units [from, to] become one unit. */
    private record Phrase(int from, int to, Unit unit) {
        int length() {
            return unit.end - unit.start;
        }
    }

    private void suffixed(String s, List<Unit> units, int i, Mode mode, List<Phrase> out) {
        Unit last = units.get(i);
        int earliest = last.start;
        for (int k = i - 1; k >= 0 && units.get(k).is(Unit.Type.WORD) && !units.get(k).isPunct() && last.end - units.get(k).start <= 8; k--) {
            earliest = units.get(k).start;
        }
        boolean verbLast = last.tag.startsWith("v") && !last.tag.equals("vn") && !last.tag.equals("vi");
        String cls;
        boolean strong;
        boolean quotedOnly = false;
        int minModifier = 1;
        boolean department = false;
        Kind kind;
        int suffixStart;
        switch (mode) {
            case ORGANIZATION -> {
                Lexicon.OrgSuffix os = Lexicon.endingAt(lexicon.orgEndings, s, earliest, last.end);
                if (os == null) {
                    return;
                }
                cls = os.cls();
                strong = os.strong();
                department = os.department();
                kind = Kind.ORGANIZATION;
                suffixStart = last.end - os.suffix().length();
            }
            case EVENT -> {
                String found = Lexicon.endingAt(lexicon.eventEndings, s, earliest, last.end);
                if (found == null) {
                    return;
                }
                cls = lexicon.eventSuffixes.get(found);
                strong = !cls.equals("Event") && !cls.equals("Meeting") && !cls.equals("Visit") && !cls.equals("Roadshow");
                kind = Kind.EVENT;
                suffixStart = last.end - found.length();
            }
            default -> {
                Lexicon.WorkSuffix ws = Lexicon.endingAt(lexicon.workEndings, s, earliest, last.end);
                if (ws == null) {
                    return;
                }
                cls = ws.kind().topClass();
                strong = ws.strength() == Lexicon.Strength.STRONG;
                quotedOnly = ws.strength() == Lexicon.Strength.QUOTED;
                minModifier = ws.strength() == Lexicon.Strength.ANCHORED && ws.kind() == Kind.PROGRAM ? 4 : 2;
                kind = ws.kind();
                suffixStart = last.end - ws.suffix().length();
            }
        }
        if (verbLast && suffixStart >= last.start
                && (i + 1 < units.size() && continuesCompound(units.get(i + 1)) || !isSuffixWord(last.text))) {
            return; // 主办, 举办, 组织产业园区: an ending inside a verb is not a name's ending; 电子学会、 is
        }
        int k = i;
        while (units.get(k).start > suffixStart) {
            k--;
        }
        int left = leftEdge(s, units, k, units.get(k).start < suffixStart, mode);
        if (mode == Mode.ORGANIZATION || mode == Mode.WORK) {
            while (left < k && (isGeneric(units.get(left)) || units.get(left).tag.equals("v") || units.get(left).tag.equals("vn")
                    && mode == Mode.WORK)) {
                left++; // 发挥|国家实验室, 影响|…计划: a name does not start with the verb that governs it
            }
        }
        int walkedTo = left;
        if (mode == Mode.EVENT) {
            // 新一届中非合作论坛会议: "the new term of" is not part of the name
            int prefixEnd = units.get(left).start + termPrefixLength(s, units.get(left).start);
            while (left < k && units.get(left).end <= prefixEnd && prefixEnd > units.get(left).start) {
                left++;
            }
        }
        int start = units.get(left).start;
        if (suffixStart - start < minModifier || last.end - start > (mode == Mode.EVENT ? 40 : 30)) {
            return;
        }
        if ((mode == Mode.WORK || (mode == Mode.ORGANIZATION && !strong)) && i + 1 < units.size()
                && continuesCompound(units.get(i + 1))) {
            return; // 中俄工程|技术交流: the ending is inside a longer noun phrase
        }
        List<Unit> parts = units.subList(left, i + 1);
        boolean anchored = false;
        boolean ordinal = false;
        boolean quoted = false;
        boolean namedBeyondOrdinal = false; // 第十六次会议 names an edition of something the sentence does not name
        boolean genericModifier = true;
        for (Unit p : parts) {
            boolean isOrdinal = p.is(Unit.Type.WORD) && isOrdinal(p.text);
            anchored |= isAnchor(p);
            ordinal |= isOrdinal;
            quoted |= p.is(Unit.Type.QUOTE);
            if (p.start < suffixStart) {
                namedBeyondOrdinal |= !isOrdinal && !p.text.isBlank();
                genericModifier &= isGeneric(p);
            }
        }
        String modifier = s.substring(start, suffixStart);
        if (mode == Mode.EVENT && !namedBeyondOrdinal) {
            return;
        }
        if (genericModifier && !anchored) {
            return;
        }
        if (!(anchored || (strong && modifier.length() >= 2) || (mode == Mode.EVENT && ordinal && modifier.length() >= 4))) {
            return;
        }
        if (quotedOnly && !quoted) {
            return;
        }
        if (kind == Kind.STANDARD && !anchored && modifier.length() < 4) {
            return; // 技术国际标准: a description cut short, not a standard's name
        }
        boolean firstOfKind = walkedTo > 0 && FIRST_OF_KIND.matcher(units.get(walkedTo - 1).text).matches();
        if (walkedTo > 0 && (isCount(units.get(walkedTo - 1)) && !(mode == Mode.EVENT && firstOfKind) || units.get(walkedTo - 1).isWord("等"))) {
            return; // 9家跨国技术转移中心, …等高端学术会议: a class of things, not one named thing
        }
        String surface = s.substring(start, last.end);
        Mention parent = department && mode == Mode.ORGANIZATION ? parentWithin(s, units, left, k, suffixStart) : null;
        Mention m = new Mention(kind, cls, surface, Names.normalize(surface), start, last.end, null, null, parent, null, List.of());
        Unit.Type type = switch (mode) {
            case ORGANIZATION -> Unit.Type.ORG;
            case EVENT -> Unit.Type.EVENT;
            default -> Unit.Type.WORK;
        };
        out.add(new Phrase(left, i, Unit.phrase(type, m, units.subList(left, i + 1))));
    }

    /**
     * For a department name, the organization it begins with: a recognised organization (中国科学院|地质与地球物理
     * 研究所) or the shortest leading part that ends like a whole organization (俄罗斯门捷列夫化工大学|节能物流…研究所).
     */
    private Mention parentWithin(String s, List<Unit> units, int left, int k, int suffixStart) {
        if (units.get(left).is(Unit.Type.ORG) && units.get(left).end <= suffixStart) {
            return units.get(left).mention;
        }
        int start = units.get(left).start;
        for (int p = left; p < k; p++) {
            int end = units.get(p).end;
            Lexicon.OrgSuffix os = Lexicon.endingAt(lexicon.orgEndings, s, start, end);
            if (os != null && os.strong() && !os.department() && end - start > os.suffix().length() + 1) {
                String surface = s.substring(start, end);
                return new Mention(Kind.ORGANIZATION, os.cls(), surface, Names.normalize(surface), start, end, null, null,
                        null, null, List.of());
            }
        }
        return null;
    }

    private static int termPrefixLength(String s, int from) {
        Matcher m = TERM_PREFIX.matcher(s).region(from, s.length());
        return m.lookingAt() ? m.end() - from : 0;
    }

    private static boolean continuesCompound(Unit next) {
        return next.is(Unit.Type.WORD) && (next.tag.equals("n") || next.tag.equals("nz"));
    }

    /**
     * Index of the first unit of the name whose ending lies in unit {@code k}. Walks left while units can be
     * inside a name of this kind.
     */
    private int leftEdge(String s, List<Unit> units, int k, boolean suffixInsideK, Mode mode) {
        int left = k;
        if (!suffixInsideK && k > 0 && isInside(s, units, k - 1, mode)) {
            left = k - 1;
        } else if (!suffixInsideK) {
            return k;
        }
        for (int j = left - 1; j >= 0; j--) {
            Unit u = units.get(j);
            if (mode == Mode.EVENT && startsOrdinal(s, units, left)) {
                break;
            }
            if (!isInside(s, units, j, mode)) {
                break;
            }
            left = j;
            if (units.get(left).start < units.get(k).start - 28) {
                break;
            }
        }
        return left;
    }

    /** The name already begins with 第N届 or 首届, unless an organization name comes before it (…委员会第七次会议). */
    private boolean startsOrdinal(String s, List<Unit> units, int left) {
        boolean ordinal = isOrdinal(units.get(left).text);
        if (!ordinal || left == 0) {
            return ordinal;
        }
        Unit before = units.get(left - 1);
        boolean organizationBefore = before.is(Unit.Type.ORG)
                || before.is(Unit.Type.WORD) && Lexicon.endingAt(lexicon.orgEndings, s, 0, before.end) != null;
        return !organizationBefore;
    }

    /** 第五届, 首次, 十二届: every form ends in 届, 次, 期 or 个, which most words do not (the regex is slow to say it). */
    private static boolean isOrdinal(String w) {
        return !w.isEmpty() && "届次期个".indexOf(w.charAt(w.length() - 1)) >= 0 && ORDINAL.matcher(w).matches();
    }

    private boolean isInside(String s, List<Unit> units, int j, Mode mode) {
        Unit u = units.get(j);
        switch (u.type) {
            case PLACE, ORG, QUOTE, PAREN:
                return true;
            case PERSON:
                return u.tag.equals("PERSON") && mode != Mode.WORK;
            case EVENT:
                return mode == Mode.EVENT;
            case TITLE, DATE, EVENT_REF, WORK:
                return false;
            default:
                break;
        }
        String w = u.text;
        if (w.isBlank()) {
            return false;
        }
        if (u.isPunct() || w.equals("_") || w.equals("|")) {
            // 路演——俄罗斯…专场活动: a dash may join the two parts of an event name
            return mode == Mode.EVENT && (w.equals("——") || w.equals("—")) && j > 0 && nounLike(units.get(j - 1));
        }
        if (w.equals("与") || w.equals("和") || w.equals("及") || w.equals("暨")) {
            if (w.equals("暨")) {
                return mode == Mode.EVENT;
            }
            // 地质与地球物理研究所: joins two plain nouns inside a name, not two names (…学院和…大学)
            if (j == 0 || j + 1 >= units.size()) {
                return false;
            }
            Unit before = units.get(j - 1);
            return before.is(Unit.Type.WORD) && nounLike(before) && nounLike(units.get(j + 1))
                    && Lexicon.endingAt(lexicon.orgEndings, s, 0, before.end) == null
                    && lexicon.eventSuffixes.get(before.text) == null;
        }
        if (lexicon.stopWords.contains(w) && !u.tag.equals("vn")) {
            return false; // 建设 ends a name as a verb, not as a noun (能力建设论坛)
        }
        if (isOrdinal(w)) {
            return mode == Mode.EVENT;
        }
        String tag = u.tag;
        if (tag.equals("nnt")) {
            return mode == Mode.EVENT; // 青年科学家论坛, but no job title inside an organization's name
        }
        if (tag.startsWith("n") || tag.equals("vn") || tag.equals("vi")) {
            return true;
        }
        if (tag.equals("j") || tag.startsWith("g") || tag.equals("b") || tag.equals("an")) {
            return true;
        }
        if (tag.equals("a") || tag.equals("ag") || tag.equals("f") || tag.equals("s")) {
            return w.length() <= 2;
        }
        if (tag.equals("t")) {
            return mode == Mode.EVENT && w.length() == 2 && !DATE_WORD.matcher(w).find(); // 未来医学…论坛
        }
        if (tag.startsWith("v")) {
            // 开放创新促进发展中国家…论坛: a verb inside a name has name words on both sides
            boolean inner = j + 1 < units.size() && nounLike(units.get(j + 1)) && !isLastBeforeSuffix(units, j);
            return (w.length() >= 2 || mode == Mode.EVENT) && inner && mode != Mode.WORK;
        }
        if (mode == Mode.EVENT && (tag.equals("m") || tag.equals("mq") || tag.equals("q") || tag.equals("qv"))) {
            // pieces of 第八届 or a year: 2023中关村论坛
            return ORDINAL_PIECE.matcher(w).matches();
        }
        return false;
    }

    private boolean isSuffixWord(String w) {
        return lexicon.orgSuffixes.contains(w) || lexicon.eventSuffixes.contains(w) || lexicon.workSuffixes.contains(w);
    }

    private boolean isLastBeforeSuffix(List<Unit> units, int j) {
        Unit next = units.get(j + 1);
        return next.is(Unit.Type.WORD) && (lexicon.eventSuffixes.contains(next.text) || lexicon.orgSuffixes.contains(next.text));
    }

    private static boolean nounLike(Unit u) {
        if (u.is(Unit.Type.QUOTE) || u.is(Unit.Type.PAREN) || u.is(Unit.Type.PLACE)) {
            return true;
        }
        return u.is(Unit.Type.WORD) && (u.tag.startsWith("n") || u.tag.equals("vn") || u.tag.startsWith("g")
                || u.tag.equals("b") || u.tag.equals("v") || u.tag.equals("vi"));
    }

    private boolean isGeneric(Unit u) {
        return u.is(Unit.Type.WORD) && lexicon.genericWords.contains(u.text);
    }

    /** Parts that make a name proper: a place, organization, person, quotation or a proper-noun word. */
    private static boolean isAnchor(Unit u) {
        return switch (u.type) {
            case PLACE, ORG, PERSON, QUOTE -> true;
            case WORD -> u.tag.equals("nz") || u.tag.startsWith("nr") || u.tag.startsWith("ns") || u.tag.startsWith("nt")
                    || u.tag.equals("j") || u.tag.equals("nx");
            default -> false;
        };
    }

    private static boolean isCount(Unit u) {
        return u.is(Unit.Type.WORD) && (u.tag.equals("q") || u.tag.equals("m") || u.tag.equals("mq") || u.tag.equals("qv")
                || COUNT.matcher(u.text).find());
    }

    /** 《中俄科技创新合作发展规划》, 《…》国际标准, “千项合作项目”计划. */
    private void bookTitle(String s, List<Unit> units, int i, List<Phrase> out) {
        Unit q = units.get(i);
        String inner = q.text.substring(1, q.text.length() - 1);
        boolean book = q.text.startsWith("《");
        Lexicon.WorkSuffix inside = Lexicon.endingAt(lexicon.workEndings, inner, 0, inner.length());
        if (i + 1 < units.size() && units.get(i + 1).is(Unit.Type.WORD)) {
            Unit next = units.get(i + 1);
            Lexicon.WorkSuffix after = lexicon.workSuffixes.get(next.text);
            if (after != null) {
                String surface = s.substring(q.start, next.end);
                out.add(new Phrase(i, i + 1, Unit.of(Unit.Type.WORK,
                        Mention.of(after.kind(), after.kind().topClass(), surface, q.start, next.end))));
                return;
            }
        }
        if (book && inside != null && inner.length() > inside.suffix().length()) {
            out.add(new Phrase(i, i, Unit.of(Unit.Type.WORK, Mention.of(inside.kind(), inside.kind().topClass(), q.text, q.start, q.end))));
        }
    }

    /** 本届大会, 本次交流大会, 该论坛, or a bare 大会 opening a clause: the document's event of that kind. */
    private void eventReference(List<Unit> units, int i, List<Phrase> out) {
        Unit u = units.get(i);
        String cls = lexicon.eventSuffixes.get(u.text);
        if (cls == null) {
            return;
        }
        int from = i;
        String suffix = u.text;
        if (i > 0 && units.get(i - 1).is(Unit.Type.WORD) && DEICTIC.contains(units.get(i - 1).text)) {
            from = i - 1;
        } else if (i > 1 && units.get(i - 2).is(Unit.Type.WORD) && DEICTIC.contains(units.get(i - 2).text)
                && units.get(i - 1).is(Unit.Type.WORD) && (units.get(i - 1).tag.startsWith("n") || units.get(i - 1).tag.equals("vn"))
                && units.get(i - 1).length() <= 2) {
            from = i - 2;
            suffix = units.get(i - 1).text + u.text;
        } else {
            boolean opensClause = i == 0 || units.get(i - 1).isPunct();
            boolean subject = i + 1 < units.size() && ANAPHOR_FOLLOWERS.contains(units.get(i + 1).text);
            if (!opensClause || !subject) {
                return;
            }
        }
        Unit first = units.get(from);
        String surface = units.subList(from, i + 1).stream().map(x -> x.text).reduce("", String::concat);
        Mention m = Mention.of(Kind.EVENT, cls, surface, first.start, u.end).withAlias(suffix);
        out.add(new Phrase(from, i, new Unit(Unit.Type.EVENT_REF, first.start, u.end, surface, "EVENT_REF", m, null)));
    }

    private static void standardCodes(String s, List<Unit> units, List<Phrase> out) {
        if (!hasCapital(s)) {
            return;
        }
        Matcher m = STANDARD_CODE.matcher(s);
        while (m.find()) {
            int from = -1;
            int to = -1;
            for (int k = 0; k < units.size(); k++) {
                Unit u = units.get(k);
                if (u.start <= m.start() && m.start() < u.end && from < 0) {
                    from = k;
                }
                if (u.start < m.end() && m.end() <= u.end) {
                    to = k;
                }
            }
            if (from < 0 || to < 0 || units.get(from).start != m.start() || units.get(to).end != m.end()) {
                continue;
            }
            out.add(new Phrase(from, to, Unit.of(Unit.Type.WORK, Mention.of(Kind.STANDARD, "Standard", m.group(), m.start(), m.end()))));
        }
    }

    private static boolean hasCapital(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }

    /** Longest phrases first; a phrase replaces the units it covers. */
    private static List<Unit> select(List<Unit> units, List<Phrase> phrases) {
        phrases.sort(Comparator.comparingInt((Phrase p) -> -p.length()).thenComparingInt(p -> p.from));
        boolean[] taken = new boolean[units.size()];
        List<Phrase> chosen = new ArrayList<>();
        for (Phrase p : phrases) {
            boolean free = true;
            for (int k = p.from; k <= p.to && free; k++) {
                free = !taken[k];
            }
            if (free) {
                for (int k = p.from; k <= p.to; k++) {
                    taken[k] = true;
                }
                chosen.add(p);
            }
        }
        chosen.sort(Comparator.comparingInt(Phrase::from));
        List<Unit> out = new ArrayList<>();
        int next = 0;
        for (int k = 0; k < units.size(); k++) {
            if (next < chosen.size() && chosen.get(next).from == k) {
                Phrase p = chosen.get(next++);
                out.add(p.unit);
                k = p.to;
            } else {
                out.add(units.get(k));
            }
        }
        return out;
    }

    /**
     * 国际矿山水协会(IMWA): an acronym in parentheses is another name; 中国矿业大学(北京), 北京国际技术交易联盟(筹):
     * a campus or a status is part of the name.
     */
    private List<Unit> attachParentheses(String s, List<Unit> units) {
        List<Unit> out = new ArrayList<>(units.size());
        for (int k = 0; k < units.size(); k++) {
            Unit u = units.get(k);
            int p = k + 1;
            while (p < units.size() && units.get(p).isWord(" ")) {
                p++;
            }
            Unit paren = p < units.size() && units.get(p).is(Unit.Type.PAREN) ? units.get(p) : null;
            if (paren == null) {
                out.add(u);
                continue;
            }
            String inner = paren.text.substring(1, paren.text.length() - 1).strip();
            boolean acronym = ACRONYM.matcher(inner).matches();
            String unquoted = QUOTES.matcher(inner).replaceAll("").strip();
            String alias = SHORT_NAME.matcher(unquoted).replaceFirst("").strip();
            boolean shortName = acronym || !alias.equals(unquoted);
            if (u.is(Unit.Type.ORG) || u.is(Unit.Type.EVENT) || u.is(Unit.Type.WORK)) {
                if (shortName) {
                    out.add(Unit.phrase(u.type, u.mention.withAlias(alias), u.parts));
                    k = p;
                    continue;
                }
                if (u.is(Unit.Type.ORG) && inner.length() <= 4 && inner.replace(" ", "").chars().allMatch(Character::isIdeographic)) {
                    String surface = s.substring(u.start, paren.end).replace(" ", "");
                    out.add(Unit.phrase(u.type, u.mention.withSpan(surface, Names.normalize(surface), u.start, paren.end), u.parts));
                    k = p;
                    continue;
                }
            } else if (acronym && u.is(Unit.Type.WORD) && nounLike(u)) {
                // 国际技术转移协作网络(ITTN): a noun phrase given an acronym is the name of something, an organization
                out.add(u);
                int left = leftEdge(s, out, out.size() - 1, true, Mode.ORGANIZATION);
                if (u.end - out.get(left).start >= 4) {
                    String surface = s.substring(out.get(left).start, u.end);
                    Mention m = Mention.of(Kind.ORGANIZATION, "Organization", surface, out.get(left).start, u.end).withAlias(inner);
                    out.subList(left, out.size()).clear();
                    out.add(Unit.of(Unit.Type.ORG, m));
                    k = p;
                }
                continue;
            }
            out.add(u);
        }
        return out;
    }
}
