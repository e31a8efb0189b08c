package org.w3id.silkgraph.source;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.w3id.silkgraph.data.Hashes;
import org.w3id.silkgraph.data.LongSet;

/**
 * Gives every document an id no document before it has, in input order: an id already given becomes
 * {@code id~2}, {@code id~3} …, skipping any of those an earlier document already has (a feed with ids
 * {@code a}, {@code a}, {@code a~2} gives {@code a}, {@code a~2}, {@code a~2~2}). A document's IRI, its named graph
 * and its sentences' IRIs come from the id, so two documents with one id would pour their facts into one graph.
 *
 * <p>Only ids of one {@link #family} can meet, so the Spark job, which reads its inputs apart, numbers each family
 * with this class over that family's documents in input order and gets the ids the CLI gives.
 */
public final class DocumentIds {
    private static final Pattern NUMBER_SUFFIX = Pattern.compile("(~[0-9]+)+$");
    /**
     * The ids given, as 64-bit hashes: a corpus has tens of thousands and memory should stay flat. Two ids with one
     * hash (less than one chance in a billion for a hundred thousand ids) would number the second: still unique.
     */
    private final LongSet given = new LongSet();
    /** For ids given more than once, the last number used: few. */
    private final Map<String, Integer> lastNumber = new HashMap<>();

    /** The id of the next document, which its source calls {@code id}. */
    public String next(String id) {
        if (given.add(Hashes.fnv64(id))) {
            return id;
        }
        for (int n = lastNumber.getOrDefault(id, 1) + 1; ; n++) {
            String numbered = id + "~" + n;
            if (given.add(Hashes.fnv64(numbered))) {
                lastNumber.put(id, n);
                return numbered;
            }
        }
    }

    /** The id without its repeat numbers: every id this class can make from {@code id} has the same family. */
    public static String family(String id) {
        return NUMBER_SUFFIX.matcher(id).replaceFirst("");
    }
}
