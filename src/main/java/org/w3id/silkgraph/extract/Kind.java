package org.w3id.silkgraph.extract;

/** What a mention names. Each kind has its own IRI space and top ontology class. */
public enum Kind {
    PLACE("Place"),
    ORGANIZATION("Organization"),
    PERSON("Person"),
    EVENT("Event"),
    STANDARD("Standard"),
    PROGRAM("Program"),
    AGREEMENT("Agreement");

    private final String topClass;

    Kind(String topClass) {
        this.topClass = topClass;
    }

    /** Local name of the top ontology class of this kind. */
    public String topClass() {
        return topClass;
    }
}
