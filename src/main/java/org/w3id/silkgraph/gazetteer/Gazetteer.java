package org.w3id.silkgraph.gazetteer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3id.silkgraph.data.DataFiles;

/**
 * General knowledge, loaded once and shared read-only by every thread: countries (ISO 3166-1), Chinese
 * administrative divisions (GB/T 2260), major world cities, regional groupings, well-known organizations,
 * surnames, job titles and the characters of transliterated foreign names. Each data file names its source in
 * its first line.
 */
public final class Gazetteer {
    private static final String DIR = "/org/w3id/silkgraph/gazetteer/";
    private static volatile Gazetteer standard;

    private final Map<String, Place> places;
    private final Trie<List<GazetteerEntry>> names;
    private final Set<String> surnames;
    private final Set<String> commonSurnames;
    private final Trie<String> titles;
    private final java.util.BitSet transliteration;
    private final Trie<Place> pairForms;
    private final int knownOrganizations;

    private Gazetteer(Map<String, Place> places, Trie<List<GazetteerEntry>> names, Set<String> surnames,
                      Set<String> commonSurnames, Trie<String> titles, java.util.BitSet transliteration, Trie<Place> pairForms, int knownOrganizations) {
        this.places = places;
        this.names = names;
        this.surnames = surnames;
        this.commonSurnames = commonSurnames;
        this.titles = titles;
        this.transliteration = transliteration;
        this.pairForms = pairForms;
        this.knownOrganizations = knownOrganizations;
    }

    /** The gazetteer shipped in the jar. */
    public static Gazetteer standard() {
        Gazetteer g = standard;
        if (g == null) {
            synchronized (Gazetteer.class) {
                if (standard == null) {
                    standard = load();
                }
                g = standard;
            }
        }
        return g;
    }

    /** Every gazetteer name starting at {@code start}: calls {@code hit(start, end, entries)}, shortest first. */
    public void namesAt(CharSequence text, int start, Trie.Hit<List<GazetteerEntry>> hit) {
        names.matchesAt(text, start, hit);
    }

    public List<GazetteerEntry> lookup(String name) {
        List<GazetteerEntry> e = names.get(name);
        return e == null ? List.of() : e;
    }

    public Place place(String key) {
        return places.get(key);
    }

    public Place china() {
        return places.get("country/CN");
    }

    public boolean isSurname(String s) {
        return surnames.contains(s);
    }

    /** One of the hundred most common surnames. */
    public boolean isCommonSurname(String s) {
        return commonSurnames.contains(s);
    }

    /**
     * The longest pair form (中 of 中俄, 渝 of 川渝) starting at {@code start}, with the place it stands for; null if
     * none. Kept apart from the other names: a pair is looked for at most places of most sentences.
     */
    public Trie.Match<Place> pairFormAt(CharSequence text, int start) {
        return pairForms.longestMatchAt(text, start);
    }

    /** True when {@code s} is the name of any place the gazetteers know, however it is written. */
    public boolean isPlaceName(String s) {
        return lookup(s).stream().anyMatch(e -> e.isPlace() && e.form() != NameForm.PAIR);
    }

    /** End of the longest job title starting at {@code start}, or -1. */
    public int titleAt(CharSequence text, int start) {
        return titles.longestAt(text, start);
    }

    public boolean isTitle(String s) {
        return titles.contains(s);
    }

    public boolean isTransliterationChar(char c) {
        return transliteration.get(c);
    }

    public int placeCount() {
        return places.size();
    }

    public int knownOrganizationCount() {
        return knownOrganizations;
    }

    // ------------------------------------------------------------------ loading

    private static Gazetteer load() {
        Map<String, Place> places = new LinkedHashMap<>();
        List<GazetteerEntry> entries = new ArrayList<>();

        for (String[] r : rows("countries.tsv", 7)) {
            String iso2 = r[0];
            List<String> alt = new ArrayList<>(split(r[3]));
            alt.addAll(split(r[4]));
            Place p = new Place("country/" + iso2, PlaceKind.COUNTRY, r[2], alt, iso2, r[1], null, blankToNull(r[6]),
                    null, false, List.of());
            places.put(p.key(), p);
            entries.add(GazetteerEntry.of(p.name(), NameForm.FULL, p));
            split(r[3]).forEach(n -> entries.add(GazetteerEntry.of(n, NameForm.FULL, p)));
            split(r[4]).forEach(n -> entries.add(GazetteerEntry.of(n, NameForm.ALIAS, p)));
            for (String pair : split(r[5])) {
                entries.add(GazetteerEntry.of(pair, NameForm.PAIR, p));
                entries.add(GazetteerEntry.of(pair + "方", NameForm.SIDE, p));
            }
            if (iso2.equals("CN")) {
                entries.add(GazetteerEntry.of("我国", NameForm.SIDE, p));
            }
        }

        Map<String, List<String>> provinceAbbrev = new HashMap<>();
        for (String[] r : rows("china_province_abbrev.tsv", 2)) {
            provinceAbbrev.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]);
        }
        for (String[] r : rows("china_admin.tsv", 6)) {
            String code = r[0];
            String level = r[3];
            String kind = r[5];
            PlaceKind k = switch (level) {
                case "province" -> PlaceKind.PROVINCE;
                case "prefecture" -> PlaceKind.CITY;
                default -> PlaceKind.COUNTY;
            };
            boolean municipality = kind.equals("直辖市") || kind.equals("特别行政区");
            String parent = r[4].isBlank() ? "country/CN" : "admin/" + r[4];
            List<String> shorts = split(r[2]).stream().filter(s -> !s.equals(r[1])).toList();
            Place p = new Place("admin/" + code, k, r[1], shorts, null, null, code, null, parent, municipality, List.of());
            places.put(p.key(), p);
            entries.add(GazetteerEntry.of(p.name(), NameForm.FULL, p));
            boolean shortsUsable = k != PlaceKind.COUNTY || kind.equals("县级市");
            for (String s : shorts) {
                if (s.length() >= 2) {
                    entries.add(GazetteerEntry.of(s, shortsUsable ? NameForm.SHORT : NameForm.MINOR, p));
                }
            }
            for (String a : provinceAbbrev.getOrDefault(code, List.of())) {
                entries.add(GazetteerEntry.of(a, NameForm.PAIR, p));
            }
        }

        for (String[] r : rows("world_cities.tsv", 5)) {
            Place p = new Place("city/" + r[0], PlaceKind.CITY, r[1], split(r[2]), null, null, null, blankToNull(r[4]),
                    "country/" + r[3], false, List.of());
            places.put(p.key(), p);
            entries.add(GazetteerEntry.of(p.name(), NameForm.FULL, p));
            split(r[2]).forEach(n -> entries.add(GazetteerEntry.of(n, NameForm.ALIAS, p)));
        }

        for (String[] r : rows("china_regions.tsv", 3)) {
            List<String> members = split(r[2]).stream().map(c -> "admin/" + c).toList();
            Place p = new Place("region/" + r[0], PlaceKind.REGION, r[0], split(r[1]), null, null, null, null,
                    "country/CN", false, members);
            places.put(p.key(), p);
            entries.add(GazetteerEntry.of(p.name(), NameForm.FULL, p));
            split(r[1]).forEach(n -> entries.add(GazetteerEntry.of(n, NameForm.ALIAS, p)));
        }

        int orgs = 0;
        for (String[] r : rows("organizations.tsv", 5)) {
            KnownOrganization o = new KnownOrganization(r[0], split(r[1]), r[2], blankToNull(r[3]), blankToNull(r[4]));
            entries.add(GazetteerEntry.of(o.name(), NameForm.FULL, o));
            o.aliases().forEach(a -> entries.add(GazetteerEntry.of(a, NameForm.ALIAS, o)));
            orgs++;
        }

        Trie.Builder<List<GazetteerEntry>> trie = Trie.builder();
        Trie.Builder<Place> pairForms = Trie.builder();
        for (GazetteerEntry e : entries) {
            if (e.form() == NameForm.PAIR) {
                pairForms.put(e.surface(), e.place());
            }
            trie.merge(e.surface(), List.of(e), Gazetteer::concat);
        }
        Trie.Builder<String> titles = Trie.builder();
        lines("titles.txt").forEach(t -> titles.put(t.strip(), t.strip()));
        java.util.BitSet translit = new java.util.BitSet(1 << 16);
        lines("translit_chars.txt").forEach(l -> l.strip().chars().forEach(translit::set));
        Set<String> common = new HashSet<>();
        lines("common_surnames.txt").forEach(l -> common.addAll(Arrays.asList(l.strip().split("\\s+"))));
        return new Gazetteer(Collections.unmodifiableMap(places), trie.build(),
                lines("surnames.txt").stream().map(String::strip).collect(java.util.stream.Collectors.toUnmodifiableSet()), Set.copyOf(common),
                titles.build(), translit, pairForms.build(), orgs);
    }

    private static List<GazetteerEntry> concat(List<GazetteerEntry> a, List<GazetteerEntry> b) {
        List<GazetteerEntry> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static List<String> split(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static List<String[]> rows(String file, int columns) {
        List<String[]> out = new ArrayList<>();
        for (String line : lines(file)) {
            String[] cols = line.split("\t", -1);
            if (cols.length < columns) {
                throw new IllegalStateException(file + ": expected " + columns + " columns in: " + line);
            }
            out.add(cols);
        }
        return out;
    }

    static List<String> lines(String file) {
        return DataFiles.lines(Gazetteer.class, DIR + file);
    }
}
