package org.w3id.silkgraph.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.w3id.silkgraph.gazetteer.Gazetteer;
import org.w3id.silkgraph.gazetteer.GazetteerEntry;
import org.w3id.silkgraph.gazetteer.NameForm;
import org.w3id.silkgraph.gazetteer.Place;
import org.w3id.silkgraph.gazetteer.PlaceKind;
import org.w3id.silkgraph.gazetteer.Trie;
import org.w3id.silkgraph.nlp.Segmenter;
import org.w3id.silkgraph.nlp.Token;

/**
 * The first reading of a sentence: quotations, parentheses, dates, gazetteer names, place pairs (中俄, 川渝),
 * job titles and person names, with HanLP's words filling the gaps. Longer organization, event and work
 * names are built on top of these by {@link NameGrammar}.
 */
final class BaseUnits {
    /**
     * Transliteration characters that are far more often plain Chinese words; a run of scraps containing one is not
     * taken for a foreign name (北理莫斯科大学 is not 理莫斯科大).
     */
    private static final String NATIVE = "大山文云日明平方东南华高金京安本保代当道多能农良连凡通图修于圣居久君司思孙尚申理黑长热让若济季贡郭易";
    /** Words after a pair of foreign countries that say they are meant together: 朝韩对话, 俄乌冲突, 美俄关系. */
    private static final java.util.regex.Pattern PAIR_CONTEXT = java.util.regex.Pattern.compile(
            "两国|三国|四国|关系|合作|双边|边境|边界|对话|会谈|会晤|峰会|联合|友好|贸易|战略|元首|外长|领导人|伙伴|建交|交流|经贸|"
            + "冲突|战争|谈判|协议|协定|首脑|联盟|同盟|军演|演习|争端|局势|之间|间的|等国");
    private static final java.util.regex.Pattern PLACES_FOLLOW =
            java.util.regex.Pattern.compile("两省|两地|两市|三省|三地|地区|两省市|三省市|两省区|携手|合作|协同|共建|一体化");
    private final Gazetteer gazetteer;
    private final PersonNames persons;

    BaseUnits(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.persons = new PersonNames(gazetteer);
    }

    List<Unit> read(String s, List<Token> tokens) {
        boolean[] starts = new boolean[s.length() + 1];
        boolean[] ends = new boolean[s.length() + 1];
        for (Token t : tokens) {
            starts[t.start()] = true;
            ends[t.end()] = true;
        }
        List<Unit> containers = new ArrayList<>();
        brackets(s, containers);
        List<Unit> candidates = new ArrayList<>();
        for (DateParser.Found d : DateParser.find(s)) {
            candidates.add(Unit.date(d.span(), d.start(), d.end(), s.substring(d.start(), d.end())));
        }
        ordinals(s, candidates);
        gazetteerNames(s, tokens, starts, ends, candidates);
        pairs(s, tokens, starts, ends, candidates);
        titles(s, starts, ends, candidates);
        persons.transliterated(s, candidates);
        transliterationRuns(s, tokens, starts, candidates);
        persons.tagged(s, tokens, candidates);

        List<Unit> bylines = new ArrayList<>();
        persons.bylines(s, containers, bylines);
        containers.removeIf(c -> bylines.stream().anyMatch(b -> overlaps(b, c)));
        List<Unit> chosen = new ArrayList<>(containers);
        chosen.addAll(bylines);
        boolean[] taken = new boolean[s.length()];
        chosen.forEach(u -> java.util.Arrays.fill(taken, u.start, u.end, true));
        candidates.sort(Comparator.comparingInt((Unit u) -> -u.length()).thenComparingInt(u -> u.start));
        for (Unit c : candidates) {
            if (isFree(taken, c.start, c.end)) {
                chosen.add(c);
                java.util.Arrays.fill(taken, c.start, c.end, true);
            }
        }
        chosen.sort(Comparator.comparingInt(u -> u.start));
        List<Unit> units = fillWithWords(s, chosen, tokens);
        return persons.inLists(s, persons.afterTitles(s, units));
    }

    /** “…” and 《…》 quotations and (…) parentheses, innermost content kept whole. */
    private static void brackets(String s, List<Unit> out) {
        for (int i = 0; i < s.length(); i++) {
            char open = s.charAt(i);
            char close = switch (open) {
                case '“' -> '”';
                case '《' -> '》';
                case '「' -> '」';
                case '(' -> ')';
                case '（' -> '）';
                default -> 0;
            };
            if (close == 0) {
                continue;
            }
            int j = s.indexOf(close, i + 1);
            int limit = open == '(' || open == '（' ? 16 : 40;
            if (j < 0 || j - i - 1 < 1 || j - i - 1 > limit || containsAny(s, i + 1, j, "。！？!?“《(（")) {
                continue;
            }
            Unit.Type type = open == '(' || open == '（' ? Unit.Type.PAREN : Unit.Type.QUOTE;
            String inner = s.substring(i + 1, j);
            if (type == Unit.Type.PAREN && DateParser.find(inner).stream().anyMatch(d -> d.end() - d.start() >= inner.strip().length() - 1)) {
                continue; // 今天（8月16日）: the date, not a parenthesis
            }
            out.add(Unit.plain(type, i, j + 1, s.substring(i, j + 1)));
            i = j;
        }
    }

    private static final java.util.regex.Pattern ORDINAL = java.util.regex.Pattern.compile(
            // the lookahead only lets the search skip quickly past characters no form starts with
            "(?=[第首0-9一二三四五六七八九十])(?:第[0-9一二三四五六七八九十百零〇]+[届次期]|首届|首次|首个|(?<![0-9一二三四五六七八九十新本上下每该这那])[0-9一二三四五六七八九十]+届)");

    /**
     * 第五次, 首届, 十二届: one unit however HanLP cut it, so the name grammar sees where an edition is named; 新一届 and
     * 上一届 ("the new / last term") name no edition.
     */
    private static void ordinals(String s, List<Unit> out) {
        // every form has 第 or 届, or is 首次 or 首个; most sentences have none, and the regex is slow to say so
        if (s.indexOf('第') < 0 && s.indexOf('届') < 0 && !s.contains("首次") && !s.contains("首个")) {
            return;
        }
        java.util.regex.Matcher m = ORDINAL.matcher(s);
        while (m.find()) {
            out.add(new Unit(Unit.Type.WORD, m.start(), m.end(), m.group(), "mq", null, null));
        }
    }

    private void gazetteerNames(String s, List<Token> tokens, boolean[] starts, boolean[] ends, List<Unit> out) {
        Trie.Hit<List<GazetteerEntry>> hit = (from, end, entries) -> {
            if (!ends[end]) {
                return;
            }
            GazetteerEntry e = choose(s, entries, () -> allPlaceTagged(tokens, from, end));
            if (e == null || namesSomethingElse(s, end)) {
                return;
            }
            String surface = s.substring(from, end);
            if (e.isPlace()) {
                out.add(Unit.of(Unit.Type.PLACE, Mention.place(e.place(), surface, from, end)));
            } else {
                Mention m = new Mention(Kind.ORGANIZATION, OrgClasses.ofKnown(e.organization().kind()), surface,
                        e.organization().name(), from, end, null, e.organization(), null, null, List.of());
                out.add(Unit.of(Unit.Type.ORG, m));
            }
        };
        for (int i = 0; i < s.length(); i++) {
            if (starts[i]) {
                gazetteer.namesAt(s, i, hit);
            }
        }
    }

    /** 柳州舰, 北京路, 上海号: a place's name used to name a ship, a street or a vessel. */
    private static boolean namesSomethingElse(String s, int end) {
        return end < s.length() && "舰号路街轮艇".indexOf(s.charAt(end)) >= 0
                && !(end + 1 < s.length() && "码召称".indexOf(s.charAt(end + 1)) >= 0);
    }

    /** Which of the entries sharing a name the sentence means; null when none may be trusted here. */
    private GazetteerEntry choose(String s, List<GazetteerEntry> entries, java.util.function.BooleanSupplier placeTagged) {
        GazetteerEntry best = null;
        List<GazetteerEntry> counties = null;
        for (GazetteerEntry e : entries) {
            if (e.form() == NameForm.PAIR || e.form() == NameForm.MINOR) {
                continue;
            }
            if (e.form() == NameForm.SHORT && !placeTagged.getAsBoolean()) {
                continue;
            }
            if (e.isPlace() && e.place().kind() == PlaceKind.COUNTY) {
                counties = counties == null ? new ArrayList<>() : counties;
                counties.add(e);
                continue;
            }
            if (best == null || rank(e) < rank(best)) {
                best = e;
            }
        }
        if (best != null || counties == null) {
            return best;
        }
        if (counties.size() == 1) {
            return counties.get(0);
        }
        // a county name shared by several divisions: take the one whose city or province the sentence names
        for (GazetteerEntry c : counties) {
            Place parent = gazetteer.place(c.place().parentKey());
            if (parent != null && (s.contains(parent.name()) || parent.altNames().stream().anyMatch(s::contains))) {
                return c;
            }
        }
        return null;
    }

    private static int rank(GazetteerEntry e) {
        int form = e.form() == NameForm.FULL ? 0 : e.form() == NameForm.SIDE ? 1 : 2;
        int kind = e.isPlace() ? e.place().kind().ordinal() : -1;
        return form * 10 + kind;
    }

    private static boolean allPlaceTagged(List<Token> tokens, int start, int end) {
        int k = firstTokenAt(tokens, start);
        for (; k < tokens.size() && tokens.get(k).start() < end; k++) {
            if (!tokens.get(k).tagged("ns")) {
                return false;
            }
        }
        return true;
    }

    /** Index of the token that covers {@code offset} (tokens are contiguous and sorted). */
    private static int firstTokenAt(List<Token> tokens, int offset) {
        int lo = 0;
        int hi = tokens.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).end() <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * 中俄, 中—韩, 中美日, 川渝: one-character forms of places written together stand for all of them. Country pairs
     * must be whole words; province pairs also need a word saying they are places (川渝两地, 川青两省).
     */
    private void pairs(String s, List<Token> tokens, boolean[] starts, boolean[] ends, List<Unit> out) {
        for (int i = 0; i < s.length(); i++) {
            Trie.Match<Place> hit = starts[i] ? gazetteer.pairFormAt(s, i) : null;
            if (hit == null) {
                continue;
            }
            List<Mention> members = new ArrayList<>();
            int p = i;
            while (hit != null && !names(members, hit.value())) {
                members.add(Mention.place(hit.value(), s.substring(p, hit.end()), p, hit.end()));
                p = hit.end();
                if (p < s.length() && "—–-－".indexOf(s.charAt(p)) >= 0 && p + 1 < s.length()) {
                    p++;
                }
                hit = p < s.length() ? gazetteer.pairFormAt(s, p) : null;
            }
            if (members.size() < 2) {
                continue;
            }
            int end = members.get(members.size() - 1).end();
            boolean together = PAIR_CONTEXT.matcher(s.substring(end, Math.min(s.length(), end + 3))).lookingAt();
            if (!together && members.get(0).place() != gazetteer.china()) {
                continue; // 美德 is "virtue": pairs without China need a word saying they are countries together (朝韩对话)
            }
            if (!together && isOrdinaryWord(tokens, i, end)) {
                continue; // 古老 is "ancient", not Cuba and Laos; 奥巴马 is a person
            }
            boolean countries = members.stream().allMatch(Mention::isCountry);
            boolean provinces = members.stream().allMatch(m -> m.place().kind() == PlaceKind.PROVINCE);
            if (!ends[end] || !(countries || (provinces && saysPlaces(s, end)))) {
                continue;
            }
            String surface = s.substring(i, end);
            out.add(Unit.of(Unit.Type.PLACE, new Mention(Kind.PLACE, "Pair", surface, surface, i, end, null, null, null,
                    null, members)));
        }
    }

    private static boolean names(List<Mention> mentions, Place place) {
        return mentions.stream().anyMatch(m -> m.place() == place);
    }

    /** One word HanLP reads as a name, an adjective, verb, adverb, number or idiom covers the whole pair. */
    private static boolean isOrdinaryWord(List<Token> tokens, int start, int end) {
        for (Token t : tokens) {
            if (t.start() <= start && t.end() >= end && (t.start() < start || t.end() > end || t.length() >= 2)) {
                String tag = t.tag();
                return tag.startsWith("nr") || tag.startsWith("a") || tag.startsWith("v") || tag.startsWith("d")
                        || tag.startsWith("m") || tag.startsWith("q") || tag.equals("i") || tag.equals("l");
            }
        }
        return false;
    }

    private static boolean saysPlaces(String s, int at) {
        String rest = s.substring(at, Math.min(s.length(), at + 3));
        return PLACES_FOLLOW.matcher(rest).lookingAt();
    }

    private void titles(String s, boolean[] starts, boolean[] ends, List<Unit> out) {
        for (int i = 0; i < s.length(); i++) {
            if (!starts[i]) {
                continue;
            }
            int end = gazetteer.titleAt(s, i);
            if (end > 0 && ends[end]) {
                out.add(Unit.plain(Unit.Type.TITLE, i, end, s.substring(i, end)));
            }
        }
    }

    /**
     * A foreign name HanLP did not know comes out as a string of one- and two-character scraps
     * (别/d 尔哥/nr 罗/b 德国/ns …). Four or more transliteration characters over three or more words are read as
     * one foreign name, which also keeps 德国 out of 别尔哥罗德国立技术大学.
     */
    private void transliterationRuns(String s, List<Token> tokens, boolean[] starts, List<Unit> out) {
        int i = 0;
        while (i < s.length()) {
            if (!starts[i] || !gazetteer.isTransliterationChar(s.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < s.length() && gazetteer.isTransliterationChar(s.charAt(end))) {
                end++;
            }
            if (end - i >= 4 && piecesOver(tokens, i, end) >= 3 && s.substring(i, end).chars().noneMatch(c -> NATIVE.indexOf(c) >= 0)) {
                String run = s.substring(i, end);
                GazetteerEntry known = choose(s, gazetteer.lookup(run), () -> true);
                out.add(known != null && known.isPlace()
                        ? Unit.of(Unit.Type.PLACE, Mention.place(known.place(), run, i, end))
                        : new Unit(Unit.Type.WORD, i, end, run, "nsf", null, null));
            }
            i = end;
        }
    }

    private static boolean containsAny(String s, int from, int to, String chars) {
        for (int k = from; k < to; k++) {
            if (chars.indexOf(s.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFree(boolean[] taken, int from, int to) {
        for (int k = from; k < to; k++) {
            if (taken[k]) {
                return false;
            }
        }
        return true;
    }

    private static int piecesOver(List<Token> tokens, int from, int to) {
        int n = 0;
        for (Token t : tokens) {
            if (t.start() < to && t.end() > from) {
                n++;
            }
        }
        return n;
    }

    private static boolean overlaps(Unit a, Unit b) {
        return a.start < b.end && b.start < a.end;
    }

    /**
     * HanLP's words where nothing else was recognised. Where a recognised unit cut a word, the words of that gap
     * are segmented again from the dictionary, so the rest of the cut word is not left as a scrap (国|立技术大学).
     */
    private static List<Unit> fillWithWords(String s, List<Unit> chosen, List<Token> tokens) {
        List<Unit> out = new ArrayList<>(chosen.size() + tokens.size());
        chosen.sort(Comparator.comparingInt(u -> u.start));
        int gapStart = 0;
        int t = 0; // tokens before this one end before the current gap
        for (int c = 0; c <= chosen.size(); c++) {
            int gapEnd = c < chosen.size() ? chosen.get(c).start : s.length();
            if (gapEnd > gapStart) {
                while (t < tokens.size() && tokens.get(t).end() <= gapStart) {
                    t++;
                }
                out.addAll(wordsIn(s, tokens, t, gapStart, gapEnd));
            }
            if (c < chosen.size()) {
                out.add(chosen.get(c));
                gapStart = Math.max(gapStart, chosen.get(c).end);
            }
        }
        return out;
    }

    /** The words of one gap [from, to), starting the search at token {@code t}. */
    private static List<Unit> wordsIn(String s, List<Token> tokens, int t, int from, int to) {
        List<Unit> words = new ArrayList<>();
        boolean cut = false;
        for (int k = t; k < tokens.size() && tokens.get(k).start() < to; k++) {
            Token tok = tokens.get(k);
            if (tok.end() <= from) {
                continue;
            }
            if (tok.start() < from || tok.end() > to) {
                cut = true;
                int a = Math.max(from, tok.start());
                int b = Math.min(to, tok.end());
                words.add(Unit.word(new Token(s.substring(a, b), tok.tag(), a, b)));
            } else {
                words.add(Unit.word(tok));
            }
        }
        if (!cut || to - from < 2) {
            return words; // a one-character scrap stays as it is
        }
        words.clear();
        for (Token w : Segmenter.dictionaryWords(s.substring(from, to), from)) {
            words.add(Unit.word(w));
        }
        return words;
    }
}
