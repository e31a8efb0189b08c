package org.w3id.silkgraph.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.w3id.silkgraph.data.DataFiles;
import org.w3id.silkgraph.gazetteer.Trie;

/** The word lists the name grammar uses (name endings, stop words, generic words); loaded once, read-only. */
final class Lexicon {
    /** How an organization name ends. */
    record OrgSuffix(String suffix, String cls, boolean strong, boolean department) {
    }

    /** How the name of a standard, program or agreement ends. */
    record WorkSuffix(String suffix, Kind kind, Strength strength) {
    }

    /** How much besides the ending a work name needs (see work-suffixes.tsv). */
    enum Strength { STRONG, ANCHORED, QUOTED }

    private static final Lexicon INSTANCE = new Lexicon();

    /** Name endings by the ending itself (is this word an ending?). */
    final Trie<OrgSuffix> orgSuffixes;
    final Trie<String> eventSuffixes;
    final Trie<WorkSuffix> workSuffixes;
    /** The same endings reversed, to find the longest one that ends at a position without copying text. */
    final Trie<OrgSuffix> orgEndings;
    final Trie<String> eventEndings;
    final Trie<WorkSuffix> workEndings;
    /** Characters some name ending ends with: a word ending otherwise cannot end a name. */
    final java.util.BitSet endingChars = new java.util.BitSet(1 << 16);
    final Set<String> stopWords;
    final Set<String> genericWords;

    private Lexicon() {
        Trie.Builder<OrgSuffix> orgs = Trie.builder();
        Trie.Builder<OrgSuffix> orgsReversed = Trie.builder();
        for (String[] r : rows("org-suffixes.tsv")) {
            OrgSuffix o = new OrgSuffix(r[0], r[1], r[2].equals("strong"), r[3].equals("yes"));
            orgs.put(r[0], o);
            orgsReversed.putReversed(r[0], o);
        }
        orgSuffixes = orgs.build();
        orgEndings = orgsReversed.build();
        Trie.Builder<String> events = Trie.builder();
        Trie.Builder<String> eventsReversed = Trie.builder();
        for (String[] r : rows("event-suffixes.tsv")) {
            events.put(r[0], r[1]);
            eventsReversed.putReversed(r[0], r[0]);
        }
        eventSuffixes = events.build();
        eventEndings = eventsReversed.build();
        Trie.Builder<WorkSuffix> works = Trie.builder();
        Trie.Builder<WorkSuffix> worksReversed = Trie.builder();
        for (String[] r : rows("work-suffixes.tsv")) {
            WorkSuffix w = new WorkSuffix(r[0], Kind.valueOf(r[1].toUpperCase(java.util.Locale.ROOT)),
                    Strength.valueOf(r[2].toUpperCase(java.util.Locale.ROOT)));
            works.put(r[0], w);
            worksReversed.putReversed(r[0], w);
        }
        workSuffixes = works.build();
        workEndings = worksReversed.build();
        for (String file : List.of("org-suffixes.tsv", "event-suffixes.tsv", "work-suffixes.tsv")) {
            for (String[] r : rows(file)) {
                endingChars.set(r[0].charAt(r[0].length() - 1));
            }
        }
        stopWords = words("stop-words.txt");
        genericWords = words("generic-words.txt");
    }

    static Lexicon get() {
        return INSTANCE;
    }

    /** The longest ending in {@code endings} (a reversed trie) that ends exactly at {@code end} and starts at or after {@code from}. */
    static <V> V endingAt(Trie<V> endings, CharSequence text, int from, int end) {
        return endings.longestEndingAt(text, from, end);
    }

    private static Set<String> words(String file) {
        Set<String> out = new HashSet<>();
        for (String line : lines(file)) {
            out.addAll(Arrays.asList(line.trim().split("\\s+")));
        }
        return Set.copyOf(out);
    }

    private static List<String[]> rows(String file) {
        List<String[]> out = new ArrayList<>();
        for (String line : lines(file)) {
            out.add(line.split("\t"));
        }
        return out;
    }

    private static List<String> lines(String file) {
        return DataFiles.lines(Lexicon.class, file);
    }
}
