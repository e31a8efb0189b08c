package org.w3id.silkgraph.link;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
        altLabels = Set.copyOf(altLabels);
        codes = Map.copyOf(codes);
        locatedIn = List.copyOf(locatedIn);
        members = List.copyOf(members);
    }
}
