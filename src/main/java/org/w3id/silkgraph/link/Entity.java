package org.w3id.silkgraph.link;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A canonical entity of one document.
 *
 * @param iri        deterministic IRI: from a gazetteer code or the canonical name, never from order of arrival
 * @param classes    ontology class local names (Country; Province and City for a municipality; Lab; Forum; …)
 * @param label      the one canonical Chinese name
 * @param altLabels  the other names the document used for it, and official names from the gazetteer
 * @param codes      identifiers by sg: property local name (isoCode, iso3Code, adminCode)
 * @param english    English name from the gazetteer, or null
 * @param locatedIn  IRIs of the places it lies in (gazetteer hierarchy, the place an organization's name begins with)
 * @param partOf     IRI of the organization a department belongs to, or null
 * @param members    IRIs of a region's member places
 */
public record Entity(String iri, List<String> classes, String label, Set<String> altLabels, Map<String, String> codes,
                     String english, List<String> locatedIn, String partOf, List<String> members) {
    public Entity {
        classes = List.copyOf(classes);
        // sorted: Set.copyOf and Map.copyOf iterate in an order that changes from one JVM to the next, dumps must not
        altLabels = Collections.unmodifiableSortedSet(new TreeSet<>(altLabels));
        codes = Collections.unmodifiableSortedMap(new TreeMap<>(codes));
        locatedIn = List.copyOf(locatedIn);
        members = List.copyOf(members);
    }
}
