package org.w3id.silkgraph.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.w3id.silkgraph.extract.Extraction;
import org.w3id.silkgraph.extract.Fact;
import org.w3id.silkgraph.extract.Kind;
import org.w3id.silkgraph.extract.Mention;
import org.w3id.silkgraph.extract.NameShapes;
import org.w3id.silkgraph.extract.OrgClasses;
import org.w3id.silkgraph.gazetteer.Gazetteer;
import org.w3id.silkgraph.gazetteer.GazetteerEntry;
import org.w3id.silkgraph.gazetteer.NameForm;
import org.w3id.silkgraph.gazetteer.Place;
import org.w3id.silkgraph.gazetteer.PlaceKind;

/**
 * Turns a document's mentions into canonical entities: gazetteer places and known organizations by their codes,
 * abbreviations (俄罗斯科工联) to the full name the document also uses, short event names to the edition the
 * document is about, a transliterated surname to the full name. IRIs come from codes or canonical names only.
 */
public final class Linker {
    private final Gazetteer gazetteer;

    public Linker(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public LinkedDocument link(Extraction x) {
        List<Mention> all = new ArrayList<>();
        x.mentions().forEach(all::addAll);
        for (Fact f : x.facts()) {
            all.add(f.subject());
            if (f.object() != null) {
                all.add(f.object());
            }
        }
        Canonical canonical = new Canonical(all);
        Map<String, Builder> entities = new TreeMap<>();
        for (Mention m : all) {
            entity(m, canonical, entities);
        }
        Set<String> mentioned = new LinkedHashSet<>(entities.keySet());
        for (Builder b : new ArrayList<>(entities.values())) {
            addHierarchy(b, entities, mentioned);
        }
        Set<LinkedFact> facts = new LinkedHashSet<>();
        for (Fact f : x.facts()) {
            String s = entity(f.subject(), canonical, entities).iri;
            String o = f.object() == null ? null : entity(f.object(), canonical, entities).iri;
            if (s.equals(o)) {
                continue;
            }
            facts.add(new LinkedFact(s, f.predicate(), o, f.date(), f.sentence(), f.context(), f.rule()));
        }
        return new LinkedDocument(x.document(), entities.values().stream().map(Builder::build).toList(), List.copyOf(facts));
    }

    // ------------------------------------------------------------------ entities

    private Builder entity(Mention m, Canonical canonical, Map<String, Builder> entities) {
        if (m.place() != null) {
            return place(m.place(), m.surface(), entities);
        }
        String name = canonical.of(m);
        List<GazetteerEntry> known = m.kind() == Kind.ORGANIZATION ? knownOrganizations(name) : List.of();
        String label = known.isEmpty() ? name : known.get(0).organization().name();
        String iri = Iris.of(path(m.kind()), label);
        Builder b = entities.computeIfAbsent(iri, k -> new Builder(k, label));
        b.topClass = m.kind().topClass();
        b.classes.add(known.isEmpty() ? m.cls() : OrgClasses.ofKnown(known.get(0).organization().kind()));
        if (!known.isEmpty()) {
            known.get(0).organization().aliases().forEach(b.altLabels::add);
            if (known.get(0).organization().english() != null) {
                b.english = known.get(0).organization().english();
            }
        }
        b.altLabels.add(m.name());
        b.altLabels.add(m.surface().replace(" ", ""));
        if (m.alias() != null && m.kind() != Kind.EVENT) {
            b.altLabels.add(m.alias());
        }
        if (m.parent() != null && m.kind() == Kind.ORGANIZATION) {
            b.partOf = entity(m.parent(), canonical, entities).iri;
        }
        if (m.kind() == Kind.ORGANIZATION) {
            Place where = leadingPlace(label);
            if (where != null) {
                b.placeNamedFirst = where;
            }
        }
        return b;
    }

    private Builder place(Place p, String surface, Map<String, Builder> entities) {
        String iri = iriOf(p);
        Builder b = entities.computeIfAbsent(iri, k -> new Builder(k, p.name()));
        b.place = p;
        b.classes.add(switch (p.kind()) {
            case COUNTRY -> "Country";
            case REGION -> "Region";
            case PROVINCE -> "Province";
            case CITY -> "City";
            case COUNTY -> "County";
        });
        if (p.municipality()) {
            b.classes.add("City");
        }
        if (!surface.isEmpty()) {
            b.altLabels.add(surface);
        }
        if (p.isoCode() != null) {
            b.codes.put("isoCode", p.isoCode());
            b.codes.put("iso3Code", p.iso3Code());
        }
        if (p.adminCode() != null) {
            b.codes.put("adminCode", p.adminCode());
        }
        b.english = p.english();
        return b;
    }

    /**
     * Gazetteer facts that come with a place: a city lies in its province, a province in China, a world city in
     * its country; a region lists the members the document names. An organization whose name begins with a country,
     * or with a place the document names, lies there.
     */
    private void addHierarchy(Builder b, Map<String, Builder> entities, Set<String> mentioned) {
        if (b.place != null) {
            Place parent = b.place.parentKey() == null ? null : gazetteer.place(b.place.parentKey());
            if (parent != null && (b.place.kind() != PlaceKind.COUNTY || mentioned.contains(iriOf(parent)))) {
                b.locatedIn.add(place(parent, "", entities).iri);
                addHierarchy(entities.get(iriOf(parent)), entities, mentioned);
            }
            for (String member : b.place.memberKeys()) {
                Place mp = gazetteer.place(member);
                if (mp != null && mentioned.contains(iriOf(mp))) {
                    b.members.add(iriOf(mp)); // only members the document names: 京津冀 does not make 河北 a mention
                }
            }
        }
        Place where = b.placeNamedFirst;
        if (where != null && (where.kind() == PlaceKind.COUNTRY || mentioned.contains(iriOf(where)))) {
            b.locatedIn.add(place(where, "", entities).iri);
        }
    }

    private static String iriOf(Place p) {
        String key = p.key();
        int slash = key.indexOf('/');
        return Iris.ID + key.substring(0, slash + 1) + Iris.segment(key.substring(slash + 1));
    }

    private List<GazetteerEntry> knownOrganizations(String name) {
        return gazetteer.lookup(name).stream().filter(e -> e.organization() != null).toList();
    }

    /** The longest place name an organization's name starts with: 重庆市人民政府 → 重庆市, 俄罗斯科工联 → 俄罗斯. */
    private Place leadingPlace(String name) {
        Place[] best = {null};
        gazetteer.namesAt(name, 0, (start, end, entries) -> {
            if (end >= name.length() || end < 2) {
                return;
            }
            for (GazetteerEntry e : entries) {
                if (e.isPlace() && e.place().kind() != PlaceKind.COUNTY && e.place().kind() != PlaceKind.REGION
                        && (e.form() == NameForm.FULL || e.form() == NameForm.SHORT || e.form() == NameForm.ALIAS)) {
                    best[0] = e.place();
                }
            }
        });
        return best[0];
    }

    private static String path(Kind k) {
        return switch (k) {
            case PLACE -> "place";
            case ORGANIZATION -> "org";
            case PERSON -> "person";
            case EVENT -> "event";
            case STANDARD -> "standard";
            case PROGRAM -> "program";
            case AGREEMENT -> "agreement";
        };
    }

    /** An entity being assembled from its mentions. */
    private static final class Builder {
        final String iri;
        final String label;
        final Set<String> classes = new LinkedHashSet<>();
        final Set<String> altLabels = new LinkedHashSet<>();
        final Map<String, String> codes = new LinkedHashMap<>();
        final List<String> locatedIn = new ArrayList<>();
        final List<String> members = new ArrayList<>();
        String english;
        String topClass;
        String partOf;
        Place place;
        Place placeNamedFirst;

        Builder(String iri, String label) {
            this.iri = iri;
            this.label = label;
        }

        Entity build() {
            Set<String> alt = new LinkedHashSet<>(altLabels);
            alt.remove(label);
            alt.removeIf(String::isBlank);
            return new Entity(iri, withTopClass(mostSpecific(classes)), label, alt, codes, english,
                    locatedIn.stream().distinct().filter(l -> !l.equals(iri)).toList(), partOf, members);
        }

        /**
         * The top class as well as the specific one (sg:Organization and sg:Lab), so that a query for every
         * organization or event needs no reasoner.
         */
        private List<String> withTopClass(List<String> specific) {
            String top = place != null ? "Place" : topClass;
            if (top == null || specific.contains(top)) {
                return specific;
            }
            List<String> all = new ArrayList<>();
            all.add(top);
            all.addAll(specific);
            return all;
        }

        /** An organization named as several kinds keeps one; places keep all (重庆市 is a province and a city). */
        private static List<String> mostSpecific(Set<String> classes) {
            if (classes.size() > 1 && classes.contains("Organization")) {
                Set<String> c = new LinkedHashSet<>(classes);
                c.remove("Organization");
                return List.copyOf(c).subList(0, 1);
            }
            if (classes.size() > 1 && !classes.contains("Province")) {
                return List.of(classes.iterator().next());
            }
            return List.copyOf(classes);
        }
    }

    // ------------------------------------------------------------------ canonical names within a document

    /** The canonical name of each non-gazetteer mention, decided once per document. */
    private final class Canonical {
        private final Map<String, String> names = new HashMap<>();

        Canonical(List<Mention> mentions) {
            Map<Kind, Set<String>> byKind = new HashMap<>();
            Map<String, Integer> counts = new HashMap<>();
            for (Mention m : mentions) {
                if (m.place() == null) {
                    byKind.computeIfAbsent(m.kind(), k -> new LinkedHashSet<>()).add(m.name());
                    counts.merge(m.kind() + "|" + m.name(), 1, Integer::sum);
                }
            }
            for (Map.Entry<Kind, Set<String>> e : byKind.entrySet()) {
                for (String n : e.getValue()) {
                    String longer = switch (e.getKey()) {
                        case ORGANIZATION -> knownOrganizations(n).isEmpty()
                                ? unique(e.getValue(), c -> abbreviates(n, c) || placePrefixed(n, c)) : null;
                        case EVENT -> oneEdition(e.getValue(), n) ? mostMentioned(e.getKey(), e.getValue(), c -> shortensEvent(n, c), counts) : null;
                        case PERSON -> unique(e.getValue(), c -> c.contains("·") && !n.contains("·")
                                && List.of(c.split("·")).contains(n) && n.length() >= 2);
                        default -> null;
                    };
                    if (longer != null) {
                        names.put(e.getKey() + "|" + n, longer);
                    }
                }
            }
        }

        String of(Mention m) {
            return names.getOrDefault(m.kind() + "|" + m.name(), m.name());
        }

        private String unique(Set<String> candidates, java.util.function.Predicate<String> test) {
            String found = null;
            for (String c : candidates) {
                if (test.test(c)) {
                    if (found != null) {
                        return null;
                    }
                    found = c;
                }
            }
            return found;
        }

        /** A short event name can only stand for the edition the document is about if it names one edition. */
        private boolean oneEdition(Set<String> events, String shortName) {
            return events.stream().filter(c -> shortensEvent(shortName, c)).map(NameShapes::ordinal).distinct().count() <= 1;
        }

        private String mostMentioned(Kind kind, Set<String> candidates, java.util.function.Predicate<String> test,
                                     Map<String, Integer> counts) {
            String best = null;
            int bestCount = 0;
            boolean tie = false;
            for (String c : candidates) {
                if (test.test(c)) {
                    int n = counts.getOrDefault(kind + "|" + c, 0);
                    tie = n == bestCount && best != null;
                    if (n > bestCount) {
                        best = c;
                        bestCount = n;
                        tie = false;
                    }
                }
            }
            return tie ? null : best;
        }
    }

    /** 俄罗斯科工联 abbreviates 俄罗斯科学工程协会联合会; 北京大学 does not abbreviate 北京理工大学. */
    static boolean abbreviates(String a, String b) {
        if (a.length() < 2 || a.length() > b.length() - 2 || a.charAt(0) != b.charAt(0) || !isSubsequence(a, b)) {
            return false;
        }
        String sb = NameShapes.organizationSuffix(b);
        String sa = NameShapes.organizationSuffix(a);
        return sb != null && !sb.equals(sa) && sb.indexOf(a.charAt(a.length() - 1)) >= 0;
    }

    /** 唐山地震局 is 河北唐山地震局 with the province left out. */
    private boolean placePrefixed(String a, String b) {
        return b.length() > a.length() && b.endsWith(a) && gazetteer.isPlaceName(b.substring(0, b.length() - a.length()));
    }

    /** 首届科技交流大会 and “一带一路”科技交流大会 shorten 首届“一带一路”科技交流大会 (same ending, same edition). */
    static boolean shortensEvent(String a, String b) {
        if (a.equals(b) || a.length() < 4 || a.length() >= b.length() || !isSubsequence(a, b)) {
            return false;
        }
        if (!b.endsWith(a.substring(a.length() - 2))) {
            return false;
        }
        String oa = NameShapes.ordinal(a);
        return oa.isEmpty() || oa.equals(NameShapes.ordinal(b));
    }

    private static boolean isSubsequence(String a, String b) {
        int j = 0;
        for (int i = 0; i < b.length() && j < a.length(); i++) {
            if (b.charAt(i) == a.charAt(j)) {
                j++;
            }
        }
        return j == a.length();
    }
}
