package org.w3id.silkgraph.gazetteer;

/** The kinds of place the gazetteers know, from the largest down. */
public enum PlaceKind {
    COUNTRY, REGION, PROVINCE, CITY, COUNTY
}
