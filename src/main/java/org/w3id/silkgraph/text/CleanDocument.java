package org.w3id.silkgraph.text;

import java.util.List;

import org.w3id.silkgraph.source.SourceDocument;

/**
 * A document ready for analysis: simplified Chinese, spam and page-layout breaks removed, split into sentences,
 * with a map from every cleaned character back to the source text for evidence.
 */
public final class CleanDocument {
    private final SourceDocument source;
    private final String text;
    private final int[] toSource;
    private final List<Sentence> sentences;

    CleanDocument(SourceDocument source, String text, int[] toSource, List<Sentence> sentences) {
        this.source = source;
        this.text = text;
        this.toSource = toSource;
        this.sentences = List.copyOf(sentences);
    }

    public SourceDocument source() {
        return source;
    }

    public String text() {
        return text;
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    /** Offset in the source text (UTF-16 units) of the cleaned character at {@code cleanOffset}. */
    public int sourceOffset(int cleanOffset) {
        return toSource[cleanOffset];
    }

    /** Offset in the source text just after the cleaned range ending at {@code cleanEnd} (exclusive). */
    public int sourceEnd(int cleanEnd) {
        return cleanEnd == 0 ? 0 : toSource[cleanEnd - 1] + 1;
    }

    /** The sentence exactly as the source has it (traditional characters, spam and line breaks included). */
    public String sourceText(Sentence s) {
        return source.text().substring(sourceOffset(s.start()), sourceEnd(s.end()));
    }
}
