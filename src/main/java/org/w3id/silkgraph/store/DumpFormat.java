package org.w3id.silkgraph.store;

import java.util.Locale;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/** The dump formats, chosen by name or by file extension. */
public enum DumpFormat {
    TURTLE("ttl", RDFFormat.TURTLE_BLOCKS, false),
    NTRIPLES("nt", RDFFormat.NTRIPLES, false),
    TRIG("trig", RDFFormat.TRIG_BLOCKS, true),
    NQUADS("nq", RDFFormat.NQUADS, true),
    JSONLD("jsonld", RDFFormat.JSONLD11_PRETTY, true);

    private final String extension;
    private final RDFFormat format;
    private final boolean keepsGraphs;

    DumpFormat(String extension, RDFFormat format, boolean keepsGraphs) {
        this.extension = extension;
        this.format = format;
        this.keepsGraphs = keepsGraphs;
    }

    public String extension() {
        return extension;
    }

    RDFFormat rdfFormat() {
        return format;
    }

    /** TriG, N-Quads and JSON-LD keep a named graph per document; the others hold the union. */
    public boolean keepsGraphs() {
        return keepsGraphs;
    }

    /** Streams as documents come; JSON-LD needs the whole graph first. */
    boolean streams() {
        return this != JSONLD;
    }

    Lang lang() {
        return format.getLang();
    }

    /** By name (ttl, turtle, nt, trig, nq, nquads, jsonld, json-ld). */
    public static DumpFormat byName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("-", "");
        for (DumpFormat f : values()) {
            if (f.extension.equals(n) || f.name().toLowerCase(Locale.ROOT).equals(n)) {
                return f;
            }
        }
        if (n.equals("nquads")) {
            return NQUADS;
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (ttl, nt, trig, nq, jsonld)");
    }

    /** From a file name's extension, or null when it has none we know. */
    public static DumpFormat byFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        for (DumpFormat f : values()) {
            if (n.endsWith("." + f.extension)) {
                return f;
            }
        }
        if (n.endsWith(".nquads")) {
            return NQUADS;
        }
        if (n.endsWith(".json")) {
            return JSONLD;
        }
        return null;
    }
}
