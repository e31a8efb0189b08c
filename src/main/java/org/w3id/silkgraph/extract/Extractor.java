package org.w3id.silkgraph.extract;

import java.util.ArrayList;
import java.util.List;

import org.w3id.silkgraph.gazetteer.Gazetteer;
import org.w3id.silkgraph.nlp.Token;
import org.w3id.silkgraph.text.CleanDocument;
import org.w3id.silkgraph.text.Sentence;

/**
 * Names and facts of one cleaned document. Holds only immutable knowledge and per-thread HanLP segmenters, so one
 * extractor serves every thread.
 */
public final class Extractor {
    private final SentenceAnalyzer analyzer;
    private final Relations relations;

    public Extractor(Gazetteer gazetteer) {
        this.analyzer = new SentenceAnalyzer(gazetteer);
        this.relations = new Relations(gazetteer);
    }

    /** A cleaned document and HanLP's words of each of its sentences. */
    public record Segmented(CleanDocument document, List<List<Token>> words) {
        public Segmented {
            words = List.copyOf(words);
        }
    }

    /**
     * HanLP's reading of every sentence: the costly step, apart from the rest so that several documents can go
     * through it one after the other (see {@code SilkGraph#extract(List)}).
     */
    public Segmented segment(CleanDocument document) {
        List<List<Token>> words = new ArrayList<>(document.sentences().size());
        for (Sentence s : document.sentences()) {
            words.add(analyzer.words(s.text()));
        }
        return new Segmented(document, words);
    }

    public Extraction extract(Segmented segmented) {
        CleanDocument document = segmented.document();
        List<Sentence> sentences = document.sentences();
        List<List<Unit>> units = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            units.add(analyzer.analyze(sentences.get(i).text(), segmented.words().get(i)));
        }
        DocumentContext context = new DocumentContext(document, units);
        List<List<Mention>> mentions = new ArrayList<>(units.size());
        for (List<Unit> sentence : units) {
            List<Mention> found = new ArrayList<>();
            for (Unit u : sentence) {
                if (u.isEntity() && !u.is(Unit.Type.EVENT_REF)) {
                    addWithRelatives(u.mention, found);
                }
                // inside a name only countries count as named (中俄工程技术论坛 names China and Russia; 香港大公报 is a paper)
                for (int k = 0; k < u.parts.size(); k++) { // no iterator: this runs for every word
                    Unit part = u.parts.get(k);
                    if (part.is(Unit.Type.PLACE) && (part.mention.isCountry() || part.mention.isPair()
                            && part.mention.members().stream().allMatch(Mention::isCountry))) {
                        addWithRelatives(part.mention, found);
                    }
                }
            }
            mentions.add(found);
        }
        List<Fact> found = relations.find(context);
        List<Fact> facts = new ArrayList<>(found.size());
        String[] normalized = new String[document.sentences().size()];
        for (Fact f : found) {
            facts.add(withContext(f, document.sentences(), normalized));
        }
        return new Extraction(document, mentions, facts);
    }

    /**
     * A fact read through a reference (本次交流大会, 这次会议) also points at the nearest sentence before it (else
     * after it) that names its subject, so a reader sees what the reference means.
     */
    private static Fact withContext(Fact f, List<Sentence> sentences, String[] normalized) {
        if (names(sentences, normalized, f.sentence(), f.subject())) {
            return f;
        }
        for (int i = f.sentence() - 1; i >= 0; i--) {
            if (names(sentences, normalized, i, f.subject())) {
                return f.withContext(i);
            }
        }
        for (int i = f.sentence() + 1; i < sentences.size(); i++) {
            if (names(sentences, normalized, i, f.subject())) {
                return f.withContext(i);
            }
        }
        return f;
    }

    private static boolean names(List<Sentence> sentences, String[] normalized, int i, Mention m) {
        if (sentences.get(i).text().contains(m.surface())) {
            return true;
        }
        if (normalized[i] == null) {
            normalized[i] = Names.normalize(sentences.get(i).text());
        }
        return normalized[i].contains(m.name());
    }

    /** A pair stands for its members; a department's parent organization is named too. */
    private static void addWithRelatives(Mention m, List<Mention> out) {
        if (m.isPair()) {
            out.addAll(m.members());
            return;
        }
        out.add(m);
        if (m.parent() != null) {
            addWithRelatives(m.parent(), out);
        }
    }
}
