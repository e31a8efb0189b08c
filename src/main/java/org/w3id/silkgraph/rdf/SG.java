package org.w3id.silkgraph.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The SilkGraph vocabulary (ontology/silkgraph.ttl) as Jena nodes, in the manner of Jena's vocabulary classes. */
public final class SG {
    public static final String NS = "https://w3id.org/silkgraph/ontology#";

    public static final Node Document = node("Document");
    public static final Node Sentence = node("Sentence");
    public static final Node FactStatement = node("FactStatement");

    public static final Node mentions = node("mentions");
    public static final Node documentCount = node("documentCount");
    public static final Node documentRank = node("documentRank");
    public static final Node evidence = node("evidence");
    public static final Node contextEvidence = node("contextEvidence");
    public static final Node extractionRule = node("extractionRule");
    public static final Node inDocument = node("inDocument");
    public static final Node text = node("text");
    public static final Node sentenceIndex = node("sentenceIndex");
    public static final Node startOffset = node("startOffset");
    public static final Node endOffset = node("endOffset");
    public static final Node fileName = node("fileName");
    public static final Node sourceRecord = node("sourceRecord");
    public static final Node contentHash = node("contentHash");
    public static final Node characterCount = node("characterCount");
    public static final Node englishName = node("englishName");
    public static final Node locatedIn = node("locatedIn");
    public static final Node partOf = node("partOf");
    public static final Node hasMember = node("hasMember");

    private SG() {
    }

    /** A class or property of the ontology by local name. */
    public static Node node(String localName) {
        return NodeFactory.createURI(NS + localName);
    }
}
