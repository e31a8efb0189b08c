package org.w3id.silkgraph.link;

import java.nio.charset.StandardCharsets;

/** How SilkGraph names things: every IRI is built here. */
public final class Iris {
    public static final String ID = "https://w3id.org/silkgraph/id/";

    private Iris() {
    }

    /** {@code id/{path}/{name}}, the name kept readable (Chinese stays Chinese) but safe in any RDF syntax. */
    public static String of(String path, String name) {
        return ID + path + "/" + segment(name);
    }

    /** The kind of thing an IRI names ({@code country}, {@code admin}, {@code org}, {@code person} …), or "" if not ours. */
    public static String kind(String iri) {
        int slash = iri.startsWith(ID) ? iri.indexOf('/', ID.length()) : -1;
        return slash < 0 ? "" : iri.substring(ID.length(), slash);
    }

    public static String document(String docId) {
        return of("doc", docId);
    }

    public static String sentence(String docId, int index) {
        return document(docId) + "/sentence/" + index;
    }

    /**
     * Percent-encodes what an IRI path segment cannot hold (ASCII other than letters, digits and -._~, and
     * anything Unicode calls a space or control); everything else, Chinese included, is kept.
     */
    static String segment(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean keep = cp < 128
                    ? Character.isLetterOrDigit(cp) || cp == '-' || cp == '.' || cp == '_' || cp == '~'
                    : !Character.isSpaceChar(cp) && !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT
                      && Character.getType(cp) != Character.PRIVATE_USE && Character.getType(cp) != Character.SURROGATE;
            if (keep) {
                b.appendCodePoint(cp);
            } else {
                for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(x & 0xF, 16)));
                }
            }
        }
        return b.toString();
    }
}
