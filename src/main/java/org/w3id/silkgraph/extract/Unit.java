package org.w3id.silkgraph.extract;

/**
 * One piece of an analysed sentence: a word, or a recognised name, title, date, quotation or parenthesis that
 * stands for several words. Relation patterns read a sentence as a sequence of units.
 */
final class Unit {
    enum Type { WORD, PLACE, ORG, PERSON, TITLE, DATE, QUOTE, PAREN, EVENT, EVENT_REF, WORK }

    final Type type;
    final int start;
    final int end;
    final String text;
    /** HanLP's tag for a word; the type name otherwise. */
    final String tag;
    final Mention mention;
    final DateSpan date;
    /** For a name built from several units (an event name with a place pair in it), those units. */
    final java.util.List<Unit> parts;

    Unit(Type type, int start, int end, String text, String tag, Mention mention, DateSpan date) {
        this(type, start, end, text, tag, mention, date, java.util.List.of());
    }

    private Unit(Type type, int start, int end, String text, String tag, Mention mention, DateSpan date,
                 java.util.List<Unit> parts) {
        this.parts = java.util.List.copyOf(parts);
        this.type = type;
        this.start = start;
        this.end = end;
        this.text = text;
        this.tag = tag;
        this.mention = mention;
        this.date = date;
    }

    static Unit word(org.w3id.silkgraph.nlp.Token t) {
        return new Unit(Type.WORD, t.start(), t.end(), t.word(), t.tag(), null, null);
    }

    static Unit of(Type type, Mention m) {
        return new Unit(type, m.start(), m.end(), m.surface(), type.name(), m, null);
    }

    static Unit phrase(Type type, Mention m, java.util.List<Unit> parts) {
        return new Unit(type, m.start(), m.end(), m.surface(), type.name(), m, null, parts);
    }

    /** This unit and, for a name built of several, the units inside it, depth first. */
    java.util.List<Unit> withParts() {
        if (parts.isEmpty()) {
            return java.util.List.of(this);
        }
        java.util.List<Unit> out = new java.util.ArrayList<>();
        addWithParts(out);
        return out;
    }

    private void addWithParts(java.util.List<Unit> out) {
        out.add(this);
        for (Unit p : parts) {
            p.addWithParts(out);
        }
    }

    static Unit date(DateSpan d, int start, int end, String text) {
        return new Unit(Type.DATE, start, end, text, "DATE", null, d);
    }

    static Unit plain(Type type, int start, int end, String text) {
        return new Unit(type, start, end, text, type.name(), null, null);
    }

    boolean is(Type t) {
        return type == t;
    }

    boolean isWord(String w) {
        return type == Type.WORD && text.equals(w);
    }

    boolean tagged(String prefix) {
        return type == Type.WORD && tag.startsWith(prefix);
    }

    /** Punctuation that separates clauses or list items. */
    boolean isPunct() {
        return type == Type.WORD && tag.equals("w");
    }

    boolean isEntity() {
        return mention != null;
    }

    int length() {
        return end - start;
    }

    @Override
    public String toString() {
        return text + "/" + tag;
    }
}
