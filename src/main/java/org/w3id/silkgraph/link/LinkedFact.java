package org.w3id.silkgraph.link;

/**
 * A fact between canonical entities, with the sentence that states it.
 *
 * @param subject   subject IRI
 * @param predicate sg: property local name
 * @param object    object IRI, or null for a date
 * @param date      ISO date or --MM-DD month-day, or null
 * @param sentence  index of the evidence sentence in the cleaned document
 * @param context   index of an earlier sentence naming the subject the evidence only refers to, or -1
 * @param rule      name of the pattern that read it
 */
public record LinkedFact(String subject, String predicate, String object, String date, int sentence, int context, String rule) {
}
