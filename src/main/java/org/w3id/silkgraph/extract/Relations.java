package org.w3id.silkgraph.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.w3id.silkgraph.gazetteer.Gazetteer;
import org.w3id.silkgraph.gazetteer.Trie;

/**
 * Facts from sentence patterns over units. Each pattern is small and names itself in the facts it makes, so a
 * reader can see why a fact is there:
 * <ul>
 * <li>organizer: 由A、B和C(共同)主办(的E) — E organized by A, B and C; 承办/协办 give sg:hostedBy</li>
 * <li>held-in: E…在P举行/举办/召开/开幕 — E held in the most specific place P</li>
 * <li>event-date: a date in the sentence that says when E is held</li>
 * <li>affiliation: ORG TITLE、TITLE，ORG TITLE PERSON — the person belongs to each organization of the chain</li>
 * <li>cooperation: pairs (中俄, 中国—韩国), 与/同/和 + partners + a cooperation verb</li>
 * <li>leads: X 牵头(制定/发起) W, 由X牵头制定的W</li>
 * <li>published-by: X 发布 W (a standard)</li>
 * </ul>
 */
final class Relations {
    private static final Set<String> CLAUSE_BREAKS = Set.of(",", "，", ";", "；", ":", "：", "。", "!", "！", "?", "？");
    private static final Set<String> HOLDING_VERBS = Set.of("举行", "举办", "召开", "开幕", "闭幕", "落幕", "进行", "启动",
            "开展", "展开", "拉开帷幕", "揭幕", "开班", "开馆", "拉下帷幕", "落下帷幕", "收官", "闭馆", "启幕", "开赛");
    /** Verbs of taking part: the event that follows one takes place where and when the taking part does. */
    private static final Set<String> ATTENDING_VERBS = Set.of("出席", "参加", "参会", "亮相", "列席");
    /** Speaking at or to an event on a day (向…峰会发表视频致辞): the event takes place that day. */
    private static final Set<String> ADDRESS_VERBS = Set.of("致辞", "讲话", "演讲", "致贺信", "致信", "主旨演讲");
    /** Verbs that say an event ends on the day given: that day is its end date. */
    private static final Set<String> CLOSING_VERBS = Set.of("闭幕", "落幕", "拉下帷幕", "落下帷幕", "收官", "闭馆");
    private static final Set<String> COOPERATION_CUES = Set.of("合作", "交流", "签署", "签订", "协定", "协议", "备忘录", "伙伴",
            "友好", "共建", "联合", "对话", "互利", "会谈", "会晤", "对接", "携手", "共同", "论坛", "科技创新年", "关系", "战略",
            "协作", "共赢", "互访", "建交", "友谊", "联委会", "委员会");
    private static final Set<String> COOPERATION_VERBS = Set.of("合作", "签署", "签订", "会谈", "会晤", "建立", "开展", "加强",
            "深化", "共建", "对接", "交流", "携手", "联合", "拓展", "推进", "达成", "举行", "共同", "缔结", "续签");
    private static final Set<String> CONFLICT_CUES = Set.of("摩擦", "冲突", "对抗", "制裁", "争端", "贸易战", "紧张", "战争",
            "交火", "敌对", "指责", "抗议", "恶化", "击落", "袭击", "断交", "驱逐");
    private static final Set<String> CONNECTORS = Set.of("与", "同", "和", "跟");
    private static final Set<String> LEAD_VERBS = Set.of("牵头", "主持制定", "主导制定", "牵头制定", "牵头发起", "主导", "领衔");

    private static final java.util.regex.Pattern ISO_STAMP = java.util.regex.Pattern.compile("[0-9]{4}-");
    private static final java.util.regex.Pattern DASHES = java.util.regex.Pattern.compile("[—–\\-－]+");
    /** The words that make a pattern worth trying, found in one pass over a sentence. */
    private enum Cue {
        ORGANIZE, HOLD, ATTEND, ADDRESS, LEAD, PUBLISH, CONFLICT, COOPERATION;

        private static final Trie<EnumSet<Cue>> WORDS = words();

        private static Trie<EnumSet<Cue>> words() {
            Trie.Builder<EnumSet<Cue>> b = Trie.builder();
            java.util.function.BiConsumer<Set<String>, Cue> add = (words, cue) -> words.forEach(w -> b.merge(w, EnumSet.of(cue),
                    (x, y) -> {
                        EnumSet<Cue> both = EnumSet.copyOf(x);
                        both.addAll(y);
                        return both;
                    }));
            add.accept(Set.of("主办", "承办", "协办"), ORGANIZE);
            add.accept(HOLDING_VERBS, HOLD);
            add.accept(ATTENDING_VERBS, ATTEND);
            add.accept(ADDRESS_VERBS, ADDRESS);
            add.accept(LEAD_VERBS, LEAD);
            add.accept(Set.of("发布", "颁布"), PUBLISH);
            add.accept(CONFLICT_CUES, CONFLICT);
            add.accept(COOPERATION_CUES, COOPERATION);
            return b.build();
        }

        static EnumSet<Cue> in(String text) {
            EnumSet<Cue> found = EnumSet.noneOf(Cue.class);
            Trie.Hit<EnumSet<Cue>> add = (start, end, cues) -> found.addAll(cues);
            for (int i = 0; i < text.length(); i++) {
                WORDS.matchesAt(text, i, add);
            }
            return found;
        }
    }

    private final Gazetteer gazetteer;

    Relations(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    List<Fact> find(DocumentContext doc) {
        List<Fact> out = new ArrayList<>();
        List<List<Unit>> sentences = doc.sentences();
        for (int si = 0; si < sentences.size(); si++) {
            List<Unit> u = sentences.get(si);
            String text = doc.document().sentences().get(si).text();
            // each pattern needs a word of its own; most sentences have none of them
            EnumSet<Cue> cues = Cue.in(text);
            if (cues.contains(Cue.ORGANIZE)) {
                organizers(doc, u, si, out);
            }
            boolean holds = cues.contains(Cue.HOLD) || cues.contains(Cue.ATTEND);
            if (holds) {
                heldIn(doc, u, si, out);
            }
            if ((holds || cues.contains(Cue.ADDRESS)) && (text.indexOf('月') >= 0 || text.indexOf('日') >= 0)) {
                dates(doc, u, si, out);
            }
            if (has(u, Unit.Type.PERSON)) {
                affiliations(u, si, out);
            }
            if (!cues.contains(Cue.CONFLICT)
                    && (has(u, Unit.Type.PLACE) || has(u, Unit.Type.ORG) || has(u, Unit.Type.EVENT) || has(u, Unit.Type.WORK))) {
                cooperation(u, cues.contains(Cue.COOPERATION), si, out);
            }
            if (cues.contains(Cue.LEAD)) {
                leads(u, si, out);
            }
            if (has(u, Unit.Type.WORK)) {
                ownedWorks(u, si, out);
            }
            if (cues.contains(Cue.PUBLISH)) {
                publishedBy(u, si, out);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ organizers

    private void organizers(DocumentContext doc, List<Unit> u, int si, List<Fact> out) {
        for (int v = 0; v < u.size(); v++) {
            String w = u.get(v).text;
            String property = switch (w) {
                case "主办", "联合主办", "共同主办" -> "organizedBy";
                case "承办", "协办", "联合承办", "共同承办" -> "hostedBy";
                default -> null;
            };
            if (property == null || !u.get(v).is(Unit.Type.WORD)) {
                continue;
            }
            int from = clauseStart(u, v);
            int by = lastIndexOf(u, from, v, x -> x.isWord("由"));
            int listFrom = by >= 0 ? by + 1 : from;
            List<Mention> orgs = new ArrayList<>();
            for (int k = listFrom; k < v; k++) {
                Unit x = u.get(k);
                if (x.is(Unit.Type.ORG)) {
                    orgs.add(x.mention);
                } else if (!isListGlue(x)) {
                    if (by < 0) {
                        orgs.clear(); // without 由 only a list right before the verb counts: ORG主办的E
                    }
                }
            }
            if (orgs.isEmpty()) {
                continue;
            }
            Mention event = null;
            int de = v + 1;
            if (de < u.size() && u.get(de).isWord("的")) {
                event = firstEvent(doc, u, de + 1, clauseEnd(u, de + 1));
            }
            if (event == null && by >= 0) {
                event = lastEvent(doc, u, 0, by);
            }
            if (event == null && by >= 0) {
                event = firstEvent(doc, u, v + 1, clauseEnd(u, v + 1));
            }
            if (event == null) {
                continue;
            }
            for (Mention o : orgs) {
                out.add(Fact.between(event, property, o, si, property.equals("organizedBy") ? "organizer-list" : "host-list"));
            }
        }
    }

    // ------------------------------------------------------------------ held in

    private void heldIn(DocumentContext doc, List<Unit> u, int si, List<Fact> out) {
        for (int z = 0; z < u.size(); z++) {
            if (!u.get(z).isWord("在")) {
                continue;
            }
            int k = z + 1;
            Mention place = null;
            while (k < u.size() && (u.get(k).is(Unit.Type.PLACE) || u.get(k).is(Unit.Type.ORG) || u.get(k).isWord(" "))) {
                if (u.get(k).is(Unit.Type.PLACE) && !u.get(k).mention.isPair()) {
                    place = u.get(k).mention; // the last, most specific: 江西省鹰潭市 → 鹰潭市
                }
                k++;
            }
            while (k < u.size() && u.get(k).is(Unit.Type.WORD) && !u.get(k).isPunct() && !HOLDING_VERBS.contains(u.get(k).text)
                    && (u.get(k).tag.startsWith("n") || u.get(k).tag.equals("f") || u.get(k).tag.equals("s")) && k - z < 8) {
                k++; // 在北京人民大会堂举行: a venue's words before the verb
            }
            if (place == null || k >= u.size()) {
                continue;
            }
            Mention event;
            if (HOLDING_VERBS.contains(u.get(k).text)) {
                event = lastEvent(doc, u, 0, z);
                if (event == null) {
                    event = firstEvent(doc, u, k + 1, clauseEnd(u, k + 1)); // 在北京举行第二次全体会议
                }
            } else {
                event = attendedEvent(doc, u, k, clauseEnd(u, k)); // 在首尔与…共同出席第九次中日韩领导人会议
            }
            if (event != null) {
                out.add(Fact.between(event, "heldIn", place, si, "held-in"));
            }
        }
        // 湖北武汉举行招商引资项目签约大会: the place itself opens the clause
        for (int v = 1; v + 1 < u.size(); v++) {
            if (u.get(v).is(Unit.Type.WORD) && HOLDING_VERBS.contains(u.get(v).text) && u.get(v - 1).is(Unit.Type.PLACE)
                    && !u.get(v - 1).mention.isPair() && (u.get(v + 1).is(Unit.Type.EVENT) || u.get(v + 1).is(Unit.Type.EVENT_REF))) {
                int first = v - 1;
                while (first > 0 && u.get(first - 1).is(Unit.Type.PLACE)) {
                    first--;
                }
                if (first == 0 || isBreak(u.get(first - 1))) {
                    Mention event = event(doc, u.get(v + 1));
                    if (event != null) {
                        out.add(Fact.between(event, "heldIn", u.get(v - 1).mention, si, "place-holds"));
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ dates

    /**
     * A date and the event it dates: 11月24日，由…主办的第八届…论坛…举办 (event between date and verb),
     * 大会定于11月6日到7日在重庆举行 (event before the date), 于DATE举行第二次全体会议 (event after the verb).
     */
    private void dates(DocumentContext doc, List<Unit> u, int si, List<Fact> out) {
        for (int d = 0; d < u.size(); d++) {
            Unit date = u.get(d);
            if (!date.is(Unit.Type.DATE) || ISO_STAMP.matcher(date.text).lookingAt()) {
                continue; // ISO timestamps are transcript stamps, not event dates
            }
            int v = d + 1;
            while (v < u.size() && !(u.get(v).is(Unit.Type.WORD) && (HOLDING_VERBS.contains(u.get(v).text)
                    || ATTENDING_VERBS.contains(u.get(v).text) || ADDRESS_VERBS.contains(u.get(v).text)))
                    && !u.get(v).is(Unit.Type.DATE)) {
                v++;
            }
            if (v >= u.size() || !u.get(v).is(Unit.Type.WORD)) {
                continue;
            }
            if (ADDRESS_VERBS.contains(u.get(v).text)) {
                Mention addressed = lastEvent(doc, u, d + 1, v); // 9月2日，…向…峰会发表视频致辞
                if (addressed != null) {
                    DateSpan span = date.date.withYearNear(doc.referenceDate(si, addressed));
                    out.add(Fact.dated(addressed, "startDate", format(span.startYear(), span.start()), si, "event-address-date"));
                }
                continue;
            }
            if (ATTENDING_VERBS.contains(u.get(v).text)) {
                // 5月27日，…出席第九次…会议; but 1月20日至21日访问瑞士…并出席…论坛: the days are the trip's
                Mention attended = date.date.isRange() || verbBetween(u, d, v) ? null : firstEvent(doc, u, v + 1, Math.min(u.size(), v + 3));
                if (attended != null) {
                    DateSpan span = date.date.withYearNear(doc.referenceDate(si, attended));
                    out.add(Fact.dated(attended, "startDate", format(span.startYear(), span.start()), si, "attended-event-date"));
                }
                continue;
            }
            Mention event = lastEvent(doc, u, d + 1, v);
            if (event == null && noVerbBetween(u, 0, d)) {
                event = lastEvent(doc, u, 0, d);
            }
            if (event == null) {
                event = firstEvent(doc, u, v + 1, Math.min(u.size(), v + 3));
            }
            if (event == null) {
                continue;
            }
            DateSpan span = date.date.withYearNear(doc.referenceDate(si, event));
            boolean closes = CLOSING_VERBS.contains(u.get(v).text);
            out.add(Fact.dated(event, closes && !span.isRange() ? "endDate" : "startDate", format(span.startYear(), span.start()),
                    si, closes ? "event-closing-date" : "event-date"));
            if (span.isRange()) {
                out.add(Fact.dated(event, "endDate", format(span.endYear(), span.end()), si, "event-date"));
            }
        }
    }

    /** A verb of its own between the date and the verb of taking part. */
    private static boolean verbBetween(List<Unit> u, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (u.get(k).is(Unit.Type.WORD) && u.get(k).tag.equals("v")) {
                return true;
            }
        }
        return false;
    }

    /** No verb that could take the date for itself between an event named before the date and the date. */
    private static boolean noVerbBetween(List<Unit> u, int from, int d) {
        for (int k = d - 1; k >= from; k--) {
            Unit x = u.get(k);
            if (x.is(Unit.Type.EVENT) || x.is(Unit.Type.EVENT_REF)) {
                return true;
            }
            if (x.is(Unit.Type.WORD) && x.tag.equals("v") && !x.text.equals("定于") && !x.text.equals("将于")) {
                return false;
            }
        }
        return true;
    }

    private static String format(int year, java.time.MonthDay md) {
        if (year > 0 && md.isValidYear(year)) {
            return LocalDate.of(year, md.getMonth(), md.getDayOfMonth()).toString();
        }
        return md.toString(); // --MM-DD
    }

    // ------------------------------------------------------------------ affiliation

    /** ORG TITLE(、TITLE)* ([、，,]|和|兼 ORG TITLE+)* PERSON: the chain of posts right before a name. */
    private void affiliations(List<Unit> u, int si, List<Fact> out) {
        for (int p = 0; p < u.size(); p++) {
            if (!u.get(p).is(Unit.Type.PERSON)) {
                continue;
            }
            List<Mention> orgs = new ArrayList<>();
            int k = p - 1;
            boolean sawTitle = false;
            while (k >= 0) {
                Unit x = u.get(k);
                if (x.is(Unit.Type.TITLE) || x.tagged("nnt")) {
                    sawTitle = true;
                } else if (x.is(Unit.Type.ORG)) {
                    if (!sawTitle) {
                        break; // 在川大智胜软件公司，李长春…: an organization without a post is not where the person works
                    }
                    orgs.add(x.mention.affiliationTarget());
                    sawTitle = false;
                } else if (x.isWord(" ") || x.isWord("、") || x.isWord("，") || x.isWord(",") || x.isWord("兼")
                        || x.isWord("和") || x.isWord("及")) {
                    // glue inside the chain
                } else if (x.is(Unit.Type.WORD) && (x.tagged("nis") || x.tagged("b") || x.tagged("vn") || x.tagged("n"))
                        && x.length() <= 4 && k > 0 && (u.get(k - 1).is(Unit.Type.ORG) || u.get(k - 1).isWord("、"))) {
                    // a department or qualifier between organization and post: 书记处书记, 兼职教授
                } else if (x.is(Unit.Type.WORD) && x.length() <= 2 && !x.isPunct() && modifiesTitle(u, k)) {
                    // 双聘教授, 兼职教授, 常务副书记
                } else {
                    break;
                }
                k--;
            }
            for (Mention o : orgs) {
                out.add(Fact.between(u.get(p).mention, "affiliatedWith", o, si, "title-chain"));
            }
        }
    }

    // ------------------------------------------------------------------ cooperation

    private void cooperation(List<Unit> u, boolean cue, int si, List<Fact> out) {
        for (Unit x : u) {
            if (!x.isEntity()) {
                continue;
            }
            // 中俄, 中—韩: a pair; inside the name of an event, lab or centre it always means cooperation
            boolean inName = x.is(Unit.Type.EVENT) || x.is(Unit.Type.ORG) || x.is(Unit.Type.WORK);
            List<Unit> parts = x.withParts();
            for (int k = 0; k < parts.size(); k++) {
                Unit y = parts.get(k);
                if (y.is(Unit.Type.PLACE) && y.mention.isPair() && (cue || inName)) {
                    List<Mention> m = y.mention.members();
                    for (int a = 0; a < m.size(); a++) {
                        for (int b = a + 1; b < m.size(); b++) {
                            out.add(Fact.between(m.get(a), "cooperatesWith", m.get(b), si, inName ? "pair-in-name" : "pair"));
                        }
                    }
                }
                // 中国—韩国…联合实验室, 中国-匈牙利技术转移中心
                if (k + 2 < parts.size() && y.is(Unit.Type.PLACE) && y.mention.isCountry() && isDash(parts.get(k + 1))
                        && parts.get(k + 2).is(Unit.Type.PLACE) && parts.get(k + 2).mention.isCountry()) {
                    out.add(Fact.between(y.mention, "cooperatesWith", parts.get(k + 2).mention, si, "dash-pair"));
                }
            }
        }
        partners(u, si, out);
    }

    /** X 与/同/和 A、B(等国家)…合作/签署: X cooperates with A and B. Without X, the country the news is from. */
    private void partners(List<Unit> u, int si, List<Fact> out) {
        for (int c = 0; c < u.size(); c++) {
            if (!u.get(c).is(Unit.Type.WORD) || !CONNECTORS.contains(u.get(c).text)) {
                continue;
            }
            int end = clauseEnd(u, c);
            List<Mention> partners = new ArrayList<>();
            int k = c + 1;
            for (; k < end; k++) {
                Unit x = u.get(k);
                if (isParty(x)) {
                    partners.add(x.mention);
                } else if (!isListGlue(x) && !x.isWord("等") && !x.isWord("等国") && !x.isWord("国家") && !x.isWord("地区")) {
                    break;
                }
            }
            if (partners.isEmpty()) {
                continue;
            }
            boolean verb = false;
            for (int j = k; j < end && !verb; j++) {
                verb = u.get(j).is(Unit.Type.WORD) && startsWithAny(u.get(j).text, COOPERATION_VERBS);
            }
            if (!verb) {
                continue;
            }
            List<Mention> subjects = new ArrayList<>();
            int from = clauseStart(u, c);
            for (int j = c - 1; j >= from; j--) {
                Unit x = u.get(j);
                if (isParty(x)) {
                    subjects.add(0, x.mention);
                } else if (!isListGlue(x) && !x.tagged("d") && !x.tagged("p") && !x.isWord("已") && !x.isWord("将")) {
                    break;
                }
            }
            if (subjects.isEmpty() && u.get(c).text.equals("与") && partners.stream().anyMatch(Mention::isCountry)
                    && !sentenceHasParty(u, c)) {
                subjects.add(Mention.place(gazetteer.china(), "", u.get(c).start, u.get(c).start));
                partners.removeIf(p -> !p.isCountry()); // the country the news is from cooperates with countries only
            }
            subjects = withMembers(subjects);
            partners = withMembers(partners);
            for (Mention s : subjects) {
                for (Mention p : partners) {
                    if (s.isPair() || p.isPair() || s.name().equals(p.name()) || contains(s, p) || contains(p, s)) {
                        continue; // 吉隆坡 and 马来西亚 do not cooperate: one lies in the other
                    }
                    out.add(Fact.between(s, "cooperatesWith", p, si, subjects.size() == 1 && s.surface().isEmpty()
                            ? "partners-of-home-country" : "partners"));
                }
            }
        }
    }

    /** One or two short words right before a job title qualify it (双|聘|教授). */
    private static boolean modifiesTitle(List<Unit> u, int k) {
        for (int j = k + 1; j < u.size() && j <= k + 2; j++) {
            Unit x = u.get(j);
            if (x.is(Unit.Type.TITLE) || x.tagged("nnt")) {
                return true;
            }
            if (!x.is(Unit.Type.WORD) || x.length() > 2 || x.isPunct()) {
                return false;
            }
        }
        return false;
    }

    /** 川渝 or 京津冀 in a fact stands for each of its members too. */
    private List<Mention> withMembers(List<Mention> parties) {
        List<Mention> out = new ArrayList<>(parties);
        for (Mention m : parties) {
            if (m.place() != null && m.place().kind() == org.w3id.silkgraph.gazetteer.PlaceKind.REGION) {
                for (String key : m.place().memberKeys()) {
                    org.w3id.silkgraph.gazetteer.Place member = gazetteer.place(key);
                    if (member != null) {
                        out.add(Mention.place(member, "", m.start(), m.start()));
                    }
                }
            }
        }
        return out;
    }

    /** Place {@code outer} contains place {@code inner} in the gazetteer's hierarchy or as a region's member. */
    private boolean contains(Mention outer, Mention inner) {
        if (outer.place() == null || inner.place() == null) {
            return false;
        }
        if (outer.place().memberKeys().contains(inner.place().key())) {
            return true;
        }
        for (String k = inner.place().parentKey(); k != null; ) {
            if (k.equals(outer.place().key())) {
                return true;
            }
            org.w3id.silkgraph.gazetteer.Place p = gazetteer.place(k);
            k = p == null ? null : p.parentKey();
        }
        return false;
    }

    private static boolean startsWithAny(String text, Set<String> prefixes) {
        for (String p : prefixes) {
            if (text.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(List<Unit> u, Unit.Type type) {
        for (Unit x : u) {
            if (x.type == type) {
                return true;
            }
        }
        return false;
    }

    private static boolean sentenceHasParty(List<Unit> u, int before) {
        for (int j = 0; j < before; j++) {
            if (isParty(u.get(j))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isParty(Unit x) {
        return (x.is(Unit.Type.PLACE) && !x.mention.isPair()) || x.is(Unit.Type.ORG);
    }

    // ------------------------------------------------------------------ leads, published by

    /** 中国科学院“燃烧等离子体”国际科学计划项目: an organization's own program or standard, named with it, is led by it. */
    private void ownedWorks(List<Unit> u, int si, List<Fact> out) {
        for (int k = 0; k < u.size(); k++) {
            Unit w = u.get(k);
            if (!w.is(Unit.Type.WORK) || w.mention.kind() == Kind.AGREEMENT) {
                continue;
            }
            Unit owner = !w.parts.isEmpty() && w.parts.get(0).is(Unit.Type.ORG) ? w.parts.get(0)
                    : k > 0 && u.get(k - 1).is(Unit.Type.ORG) && u.get(k - 1).end == w.start ? u.get(k - 1) : null;
            if (owner != null) {
                out.add(Fact.between(owner.mention, "leads", w.mention, si, "owner-of-work"));
            }
        }
    }

    private void leads(List<Unit> u, int si, List<Fact> out) {
        for (int v = 0; v < u.size(); v++) {
            Unit verb = u.get(v);
            if (!verb.is(Unit.Type.WORD) || !startsWithAny(verb.text, LEAD_VERBS)) {
                continue;
            }
            int from = clauseStart(u, v);
            Mention leader = null;
            for (int j = v - 1; j >= from && leader == null; j--) {
                Unit x = u.get(j);
                if (x.is(Unit.Type.ORG) || (x.is(Unit.Type.PLACE) && x.mention.isCountry())) {
                    leader = x.mention;
                }
            }
            if (leader == null) {
                continue;
            }
            int end = clauseEnd(u, v);
            for (int j = v + 1; j < end; j++) {
                Unit x = u.get(j);
                if (x.is(Unit.Type.WORK) && (x.mention.kind() == Kind.STANDARD || x.mention.kind() == Kind.PROGRAM)) {
                    out.add(Fact.between(leader, "leads", x.mention, si, "leads"));
                }
            }
        }
    }

    private void publishedBy(List<Unit> u, int si, List<Fact> out) {
        for (int v = 0; v < u.size(); v++) {
            if (!u.get(v).isWord("发布") && !u.get(v).isWord("颁布")) {
                continue;
            }
            int from = clauseStart(u, v);
            Mention publisher = null;
            for (int j = v - 1; j >= from && publisher == null; j--) {
                if (u.get(j).is(Unit.Type.ORG)) {
                    publisher = u.get(j).mention;
                }
            }
            if (publisher == null) {
                continue;
            }
            for (int j = v + 1; j < clauseEnd(u, v); j++) {
                if (u.get(j).is(Unit.Type.WORK) && u.get(j).mention.kind() == Kind.STANDARD) {
                    out.add(Fact.between(u.get(j).mention, "publishedBy", publisher, si, "published-by"));
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The event right after a verb of taking part, within the clause. */
    private static Mention attendedEvent(DocumentContext doc, List<Unit> u, int from, int to) {
        for (int k = from; k < to - 1; k++) {
            if (u.get(k).is(Unit.Type.WORD) && ATTENDING_VERBS.contains(u.get(k).text)) {
                return firstEvent(doc, u, k + 1, Math.min(to, k + 3));
            }
        }
        return null;
    }

    private static Mention firstEvent(DocumentContext doc, List<Unit> u, int from, int to) {
        for (int k = from; k < to && k < u.size(); k++) {
            Mention e = event(doc, u.get(k));
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private static Mention lastEvent(DocumentContext doc, List<Unit> u, int from, int to) {
        for (int k = Math.min(to, u.size()) - 1; k >= from; k--) {
            Mention e = event(doc, u.get(k));
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private static Mention event(DocumentContext doc, Unit x) {
        if (x.is(Unit.Type.EVENT)) {
            return x.mention;
        }
        return x.is(Unit.Type.EVENT_REF) ? doc.resolve(x.mention) : null;
    }

    private static boolean isListGlue(Unit x) {
        return x.isWord("、") || x.isWord("和") || x.isWord("与") || x.isWord("及") || x.isWord("以及") || x.isWord(" ")
                || x.isWord("同") || x.isWord("共同") || x.isWord("联合");
    }

    private static boolean isDash(Unit x) {
        return x.is(Unit.Type.WORD) && DASHES.matcher(x.text).matches();
    }

    private static int clauseStart(List<Unit> u, int i) {
        int k = i;
        while (k > 0 && !isBreak(u.get(k - 1))) {
            k--;
        }
        return k;
    }

    private static int clauseEnd(List<Unit> u, int i) {
        int k = i;
        while (k < u.size() && !isBreak(u.get(k))) {
            k++;
        }
        return k;
    }

    private static boolean isBreak(Unit x) {
        return x.is(Unit.Type.WORD) && CLAUSE_BREAKS.contains(x.text);
    }

    private static int lastIndexOf(List<Unit> u, int from, int to, Predicate<Unit> p) {
        for (int k = to - 1; k >= from; k--) {
            if (p.test(u.get(k))) {
                return k;
            }
        }
        return -1;
    }
}
