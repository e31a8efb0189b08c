package org.w3id.silkgraph.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How query results are written. SELECT: an aligned text table, or SPARQL results in CSV, TSV or
 * JSON. ASK: true or false (SPARQL results JSON for {@code json}). CONSTRUCT and DESCRIBE: Turtle,
 * or JSON-LD for {@code json}.
 */
public enum ResultFormat {
    TABLE, CSV, TSV, JSON;

    /** The format's name as a user types it: {@code table}, {@code csv}, {@code tsv}, {@code json}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResultFormat fromLabel(String label) {
        for (ResultFormat format : values()) {
            if (format.label().equalsIgnoreCase(label.strip()))
                return format;
        }
        throw new IllegalArgumentException("Unknown result format '" + label + "': use one of "
                + Arrays.stream(values()).map(ResultFormat::label).collect(Collectors.joining(", ")));
    }
}
