package org.w3id.silkgraph.source;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One news article or page as read, before any cleaning.
 *
 * @param id     stable identifier (file name without extension, or a record id); names the document's IRI
 * @param origin where it came from: a path, {@code path:line} for one-document-per-line input, or {@code -}
 * @param text   the text exactly as decoded; evidence offsets point into it
 * @param date   publication date when the input states it; seeds the year of undated mentions
 * @param title  title when the input states it
 */
public record SourceDocument(String id, String origin, String text, LocalDate date, String title) {

    public SourceDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
    }

    public static SourceDocument of(String id, String text) {
        return new SourceDocument(id, id, text, null, null);
    }

    public Optional<LocalDate> publicationDate() {
        return Optional.ofNullable(date);
    }

    public Optional<String> declaredTitle() {
        return Optional.ofNullable(title);
    }

    /** {@code corpus.txt:12} → {@code corpus.txt}. */
    private static String withoutLineNumber(String origin) {
        int colon = origin.lastIndexOf(':');
        if (colon < 0 || colon == origin.length() - 1) {
            return origin;
        }
        for (int i = colon + 1; i < origin.length(); i++) {
            if (!Character.isDigit(origin.charAt(i))) {
                return origin;
            }
        }
        return origin.substring(0, colon);
    }

    /** The file name part of the origin, e.g. {@code 001_x.txt} for {@code seeds/001_x.txt:12}. */
    public String fileName() {
        String o = withoutLineNumber(origin);
        int slash = Math.max(o.lastIndexOf('/'), o.lastIndexOf('\\'));
        return slash >= 0 ? o.substring(slash + 1) : o;
    }
}
