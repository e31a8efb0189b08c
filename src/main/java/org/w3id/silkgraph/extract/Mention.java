package org.w3id.silkgraph.extract;

import java.util.List;
import java.util.Objects;

import org.w3id.silkgraph.gazetteer.KnownOrganization;
import org.w3id.silkgraph.gazetteer.Place;

/**
 * A name found in a sentence.
 *
 * @param kind     what it names
 * @param cls      the most specific ontology class (local name: City, Lab, Forum, …)
 * @param surface  the name as written in the cleaned sentence
 * @param name     the name to link on: surface with quotes and spaces removed, parentheses normalised
 * @param start    offset in the cleaned sentence
 * @param end      offset after it
 * @param place    the gazetteer place it names, if any
 * @param known    the known organization it names, if any
 * @param parent   for a department (中国科学院地质与地球物理研究所, 国务院新闻办新闻局), the organization it belongs to
 * @param alias    an abbreviation given with it in parentheses (IMWA), or null
 * @param members  for a pair such as 中俄 or 川渝, the places it stands for (otherwise empty)
 */
public record Mention(Kind kind, String cls, String surface, String name, int start, int end, Place place,
                      KnownOrganization known, Mention parent, String alias, List<Mention> members) {

    public Mention {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(cls);
        members = List.copyOf(members);
    }

    public static Mention of(Kind kind, String cls, String surface, int start, int end) {
        return new Mention(kind, cls, surface, Names.normalize(surface), start, end, null, null, null, null, List.of());
    }

    public static Mention place(Place p, String surface, int start, int end) {
        return new Mention(Kind.PLACE, placeClass(p), surface, p.name(), start, end, p, null, null, null, List.of());
    }

    public boolean isPair() {
        return !members.isEmpty();
    }

    public boolean isCountry() {
        return place != null && place.kind() == org.w3id.silkgraph.gazetteer.PlaceKind.COUNTRY;
    }

    public Mention withAlias(String a) {
        return new Mention(kind, cls, surface, name, start, end, place, known, parent, a, members);
    }

    public Mention withSpan(String newSurface, String newName, int newStart, int newEnd) {
        return new Mention(kind, cls, newSurface, newName, newStart, newEnd, place, known, parent, alias, members);
    }

    /** The organization a person of this unit belongs to: the parent for a department, else itself. */
    public Mention affiliationTarget() {
        return parent != null ? parent.affiliationTarget() : this;
    }

    private static String placeClass(Place p) {
        return switch (p.kind()) {
            case COUNTRY -> "Country";
            case REGION -> "Region";
            case PROVINCE -> "Province";
            case CITY -> "City";
            case COUNTY -> "County";
        };
    }
}
