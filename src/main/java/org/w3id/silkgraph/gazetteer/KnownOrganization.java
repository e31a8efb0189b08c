package org.w3id.silkgraph.gazetteer;

import java.util.List;

/**
 * A well-known organization with its official name and the abbreviations news uses for it.
 *
 * @param name    official Chinese name (canonical label)
 * @param aliases other names (科技部 for 科学技术部)
 * @param kind    GovernmentBody, Academy, InternationalOrganization, … (see organizations.tsv)
 * @param country ISO 3166-1 alpha-2, or null for international bodies
 * @param english English name, or null
 */
public record KnownOrganization(String name, List<String> aliases, String kind, String country, String english) {
    public KnownOrganization {
        aliases = List.copyOf(aliases);
    }
}
