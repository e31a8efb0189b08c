package org.w3id.silkgraph.text;

/**
 * A sentence of a cleaned document.
 *
 * @param index 0-based position in the document
 * @param start offset of its first character in the cleaned text
 * @param end   offset after its last character in the cleaned text
 * @param text  the cleaned text of the sentence (simplified, spam removed, page breaks joined)
 */
public record Sentence(int index, int start, int end, String text) {
}
