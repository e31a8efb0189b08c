package org.w3id.silkgraph.source;

import java.util.Locale;

/** How an input file holds documents. */
public enum InputFormat {
    /** One article or page per file. */
    TEXT,
    /** One document per line (blank lines skipped). */
    LINES,
    /** One JSON object per line: {"id":…, "date":…, "title":…, "text":…}. */
    JSONL,
    /** From the file name: *.jsonl[.gz] is JSONL, anything else TEXT. */
    AUTO;

    InputFormat resolve(String fileName) {
        if (this != AUTO) {
            return this;
        }
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".jsonl.gz") || n.endsWith(".ndjson") ? JSONL : TEXT;
    }
}
