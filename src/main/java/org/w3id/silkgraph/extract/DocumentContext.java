package org.w3id.silkgraph.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3id.silkgraph.text.CleanDocument;

/**
 * What a sentence needs from the rest of its document: the year of undated days (from a dateline or a nearby full
 * date) and which event 本届大会 or 这次会议 means (the document's most talked-about event of that kind).
 */
final class DocumentContext {
    private static final java.util.regex.Pattern YEAR_FIRST = java.util.regex.Pattern.compile("^((?:19|20)[0-9]{2})");
    private final CleanDocument document;
    private final List<List<Unit>> sentences;
    private final LocalDate[] referenceDates;
    private final List<Mention> salientEvents;

    DocumentContext(CleanDocument document, List<List<Unit>> sentences) {
        this.document = document;
        this.sentences = sentences;
        this.referenceDates = referenceDates();
        this.salientEvents = salientEvents();
    }

    List<List<Unit>> sentences() {
        return sentences;
    }

    CleanDocument document() {
        return document;
    }

    /**
     * What fixes the year of an undated day in sentence {@code i}: a year in the event's own name (2023世界机器人大会),
     * else the full date nearest before the sentence, else the document's date, else its first full date.
     */
    LocalDate referenceDate(int i, Mention event) {
        java.util.regex.Matcher y = YEAR_FIRST.matcher(event.name());
        if (y.find()) {
            LocalDate ref = referenceDates[i];
            return LocalDate.of(Integer.parseInt(y.group(1)), ref == null ? 7 : ref.getMonthValue(), ref == null ? 1 : ref.getDayOfMonth());
        }
        return referenceDates[i];
    }

    private LocalDate[] referenceDates() {
        LocalDate[] out = new LocalDate[sentences.size()];
        LocalDate first = null;
        LocalDate last = null;
        for (int i = 0; i < sentences.size(); i++) {
            for (Unit u : sentences.get(i)) {
                if (u.is(Unit.Type.DATE) && u.date.hasYear()) {
                    last = u.date.startDate();
                    if (first == null) {
                        first = last;
                    }
                }
            }
            out[i] = last;
        }
        LocalDate fallback = document.source().publicationDate().orElse(first);
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = fallback;
            }
        }
        return out;
    }

    /** Named events ordered by how much the document talks about them; the title counts three times. */
    private List<Mention> salientEvents() {
        Map<String, Mention> byName = new LinkedHashMap<>();
        Map<String, Integer> weight = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            for (Unit u : sentences.get(i)) {
                if (u.is(Unit.Type.EVENT)) {
                    String key = u.mention.name();
                    byName.merge(key, u.mention, (a, b) -> ordinal(a) ? a : b);
                    weight.merge(key, i == 0 ? 3 : 1, Integer::sum);
                }
            }
        }
        List<Mention> events = new ArrayList<>(byName.values());
        events.sort((a, b) -> Integer.compare(weight.get(b.name()), weight.get(a.name())));
        return events;
    }

    private static boolean ordinal(Mention m) {
        return !NameShapes.ordinal(m.name()).isEmpty();
    }

    /**
     * The event a reference such as 本届论坛 (ending 论坛) points to: the most salient named event with that
     * ending; 会议 also takes a 大会.
     */
    Mention resolve(Mention reference) {
        String ending = reference.alias();
        for (Mention e : salientEvents) {
            if (e.name().endsWith(ending)) {
                return e;
            }
        }
        if (ending.equals("会议")) {
            for (Mention e : salientEvents) {
                if (e.name().endsWith("大会")) {
                    return e;
                }
            }
        }
        return null;
    }
}
