package org.w3id.silkgraph.extract;

import java.util.Objects;

/**
 * A fact read from one sentence: subject, property (local name in the sg: ontology) and either an object entity
 * or a date.
 *
 * @param subject   the entity the fact is about
 * @param predicate sg: property local name (heldIn, organizedBy, startDate, …)
 * @param object    the object entity, or null for a date
 * @param date      for startDate/endDate: ISO date (2023-11-06) or month-day (--11-06) when no year is known
 * @param sentence  index of the sentence that states it
 * @param context   index of an earlier sentence that names the subject when the stating sentence only refers to it
 *                  (本次交流大会由…主办), or -1
 * @param rule      the pattern that read it, for the reader who wants to know why
 */
public record Fact(Mention subject, String predicate, Mention object, String date, int sentence, int context, String rule) {

    public Fact {
        Objects.requireNonNull(subject);
        Objects.requireNonNull(predicate);
        if ((object == null) == (date == null)) {
            throw new IllegalArgumentException("a fact has either an object or a date");
        }
    }

    static Fact between(Mention s, String p, Mention o, int sentence, String rule) {
        return new Fact(s, p, o, null, sentence, -1, rule);
    }

    static Fact dated(Mention s, String p, String date, int sentence, String rule) {
        return new Fact(s, p, null, date, sentence, -1, rule);
    }

    Fact withContext(int sentenceNamingSubject) {
        return new Fact(subject, predicate, object, date, sentence, sentenceNamingSubject, rule);
    }

    /** A gMonthDay (--MM-DD) rather than a full date. */
    public boolean yearUnknown() {
        return date != null && date.startsWith("--");
    }
}
