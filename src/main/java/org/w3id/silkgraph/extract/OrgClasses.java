package org.w3id.silkgraph.extract;

/** Ontology classes for the organization kinds of the gazetteer. */
public final class OrgClasses {
    private OrgClasses() {
    }

    public static String ofKnown(String kind) {
        return switch (kind) {
            case "GovernmentBody", "LegislativeBody", "Court", "PartyOrgan" -> "GovernmentBody";
            case "ResearchInstitute", "Academy" -> "ResearchInstitute";
            case "Media" -> "MediaOrganization";
            case "Association", "InternationalOrganization", "University", "Company" -> kind;
            default -> "Organization";
        };
    }
}
