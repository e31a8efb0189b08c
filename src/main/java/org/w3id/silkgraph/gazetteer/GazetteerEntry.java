package org.w3id.silkgraph.gazetteer;

/**
 * One name of a gazetteer entry: either a place or a known organization.
 */
public record GazetteerEntry(String surface, NameForm form, Place place, KnownOrganization organization) {

    public static GazetteerEntry of(String surface, NameForm form, Place place) {
        return new GazetteerEntry(surface, form, place, null);
    }

    public static GazetteerEntry of(String surface, NameForm form, KnownOrganization org) {
        return new GazetteerEntry(surface, form, null, org);
    }

    public boolean isPlace() {
        return place != null;
    }
}
