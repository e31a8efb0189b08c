package org.w3id.silkgraph.rdf;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.silkgraph.data.Hashes;
import org.w3id.silkgraph.link.Entity;
import org.w3id.silkgraph.link.Iris;
import org.w3id.silkgraph.link.LinkedDocument;
import org.w3id.silkgraph.link.LinkedFact;
import org.w3id.silkgraph.source.SourceDocument;
import org.w3id.silkgraph.text.CleanDocument;
import org.w3id.silkgraph.text.Sentence;

/**
 * A linked document as quads in the document's own named graph: the document, its entities, its facts as plain
 * triples, and for every fact a statement node pointing at the sentence that states it (standard RDF 1.1
 * reification, so every RDF tool loads it). The order of quads depends only on the document.
 */
public final class GraphMapper {
    private static final Node PROV_DERIVED = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");

    private GraphMapper() {
    }

    public static List<Quad> quads(LinkedDocument doc) {
        CleanDocument clean = doc.document();
        SourceDocument src = clean.source();
        Node g = uri(Iris.document(src.id()));
        QuadList out = new QuadList(g);

        out.add(g, RDF.type.asNode(), SG.Document);
        out.add(g, DCTerms.identifier.asNode(), literal(src.id()));
        out.add(g, SG.fileName, literal(src.fileName()));
        out.add(g, SG.sourceRecord, literal(src.origin()));
        out.add(g, SG.contentHash, literal("sha256:" + Hashes.sha256(src.text())));
        out.add(g, SG.characterCount, integer(src.text().codePointCount(0, src.text().length())));
        src.declaredTitle().or(() -> firstLine(clean)).ifPresent(t -> out.add(g, DCTerms.title.asNode(), zh(t)));
        src.publicationDate().ifPresent(d -> out.add(g, DCTerms.date.asNode(), NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate)));

        for (Entity e : doc.entities()) {
            Node s = uri(e.iri());
            out.add(g, SG.mentions, s);
            for (String c : e.classes()) {
                out.add(s, RDF.type.asNode(), SG.node(c));
            }
            out.add(s, RDFS.label.asNode(), zh(e.label()));
            for (String alt : e.altLabels()) {
                out.add(s, SKOS.altLabel.asNode(), zh(alt));
            }
            for (Map.Entry<String, String> code : e.codes().entrySet()) {
                out.add(s, SG.node(code.getKey()), literal(code.getValue()));
            }
            if (e.english() != null) {
                out.add(s, SG.englishName, NodeFactory.createLiteralLang(e.english(), "en"));
            }
            for (String l : e.locatedIn()) {
                out.add(s, SG.locatedIn, uri(l));
            }
            if (e.partOf() != null) {
                out.add(s, SG.partOf, uri(e.partOf()));
            }
            for (String m : e.members()) {
                out.add(s, SG.hasMember, uri(m));
            }
        }

        TreeSet<Integer> evidenceSentences = new TreeSet<>();
        for (LinkedFact f : doc.facts()) {
            Node s = uri(f.subject());
            Node p = SG.node(f.predicate());
            Node o = f.object() != null ? uri(f.object()) : date(f.date());
            out.add(s, p, o);
            Node statement = uri(Iris.document(src.id()) + "/fact/" + String.format("%016x", Hashes.fnv64(f.subject() + " "
                    + f.predicate() + " " + o + " " + f.sentence())));
            out.add(statement, RDF.type.asNode(), SG.FactStatement);
            out.add(statement, RDF.subject.asNode(), s);
            out.add(statement, RDF.predicate.asNode(), p);
            out.add(statement, RDF.object.asNode(), o);
            out.add(statement, SG.evidence, uri(Iris.sentence(src.id(), f.sentence())));
            out.add(statement, PROV_DERIVED, g);
            out.add(statement, SG.extractionRule, literal(f.rule()));
            evidenceSentences.add(f.sentence());
            if (f.context() >= 0) {
                out.add(statement, SG.contextEvidence, uri(Iris.sentence(src.id(), f.context())));
                evidenceSentences.add(f.context());
            }
        }
        for (int i : evidenceSentences) {
            Sentence sentence = clean.sentences().get(i);
            Node n = uri(Iris.sentence(src.id(), i));
            int start = clean.sourceOffset(sentence.start());
            int end = clean.sourceEnd(sentence.end());
            String text = src.text();
            out.add(n, RDF.type.asNode(), SG.Sentence);
            out.add(n, SG.inDocument, g);
            out.add(n, SG.sentenceIndex, integer(i));
            out.add(n, SG.startOffset, integer(text.codePointCount(0, start)));
            out.add(n, SG.endOffset, integer(text.codePointCount(0, end)));
            out.add(n, SG.text, zh(text.substring(start, end)));
        }
        return out.quads();
    }

    private static java.util.Optional<String> firstLine(CleanDocument clean) {
        return clean.sentences().stream().map(Sentence::text).filter(t -> t.length() >= 4).findFirst()
                .map(t -> t.length() > 200 ? t.substring(0, 200) : t);
    }

    private static Node date(String d) {
        return d.startsWith("--")
                ? NodeFactory.createLiteralDT(d, XSDDatatype.XSDgMonthDay)
                : NodeFactory.createLiteralDT(d, XSDDatatype.XSDdate);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node zh(String s) {
        return NodeFactory.createLiteralLang(s, "zh");
    }

    private static Node literal(String s) {
        return NodeFactory.createLiteralString(s);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    /** Quads of one graph, each once, in the order first added. */
    private static final class QuadList {
        private final Node graph;
        private final java.util.LinkedHashSet<Quad> quads = new java.util.LinkedHashSet<>();

        QuadList(Node graph) {
            this.graph = graph;
        }

        void add(Node s, Node p, Node o) {
            quads.add(Quad.create(graph, s, p, o));
        }

        List<Quad> quads() {
            return List.copyOf(quads);
        }
    }
}
