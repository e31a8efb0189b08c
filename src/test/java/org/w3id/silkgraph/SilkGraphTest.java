package org.w3id.silkgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.silkgraph.source.SourceDocument;
import org.w3id.silkgraph.store.GraphStore;

/**
 * The pure per-document function on two real seeds: the facts that must hold, the evidence behind every fact,
 * named graphs and determinism. Queried with SPARQL over the quads, as a user would see them.
 */
class SilkGraphTest {

    private static final String ID = "https://w3id.org/silkgraph/id/";
    private static final String PREFIXES = """
            PREFIX sg:   <https://w3id.org/silkgraph/ontology#>
            PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;
    /** The ontology goes into a graph of its own so class hierarchy is queryable (sg:Forum ⊑ sg:Event). */
    private static final String ONTOLOGY_GRAPH = "urn:silkgraph:test:ontology";
    /** Quotation and title marks and white space: labels drop them, source sentences keep them. */
    private static final String MARKS = "[\\s\\u3000“”‘’\"'「」『』《》〈〉]";

    private static SilkGraph pipeline;
    private static Path seed001;
    private static Path seed003;
    private static DocumentGraph graph001;
    private static DocumentGraph graph003;
    private static Dataset dataset;

    @BeforeAll
    static void extract() {
        pipeline = SilkGraph.standard();
        seed001 = Seeds.file("001");
        seed003 = Seeds.file("003");
        graph001 = pipeline.extract(Seeds.document(seed001));
        graph003 = pipeline.extract(Seeds.document(seed003));
        DatasetGraph dsg = GraphStore.inMemory();
        GraphStore.add(dsg, graph001);
        GraphStore.add(dsg, graph003);
        Node ontology = NodeFactory.createURI(ONTOLOGY_GRAPH);
        Txn.executeWrite(dsg, () -> RDFParser.source(Path.of("ontology/silkgraph.ttl")).parse(dsg.getGraph(ontology)));
        dataset = DatasetFactory.wrap(dsg);
    }

    // ------------------------------------------------------------------ (a) the forum of 003

    @Test
    void theForumIsAnEventOnNovember24OrganizedByBothAssociations() {
        List<Map<String, RDFNode>> forum = select("""
                SELECT DISTINCT ?event WHERE {
                  ?event rdfs:label "第八届中俄工程技术论坛"@zh ; a ?class .
                  ?class rdfs:subClassOf* sg:Event .
                }""");
        assertEquals(1, forum.size(), "one event labelled 第八届中俄工程技术论坛: " + forum);
        String event = "<" + forum.get(0).get("event").asResource().getURI() + ">";

        assertEquals(List.of("--11-24"), strings("SELECT ?d WHERE { " + event + " sg:startDate ?d . FILTER(DATATYPE(?d) = xsd:gMonthDay) }", "d"));
        assertTrue(ask("ASK { " + event + " sg:startDate \"--11-24\"^^xsd:gMonthDay }"));

        assertTrue(ask("""
                ASK { %s sg:organizedBy ?cast .
                      ?cast rdfs:label "中国科学技术协会"@zh ; skos:altLabel "中国科协"@zh ; a ?class .
                      ?class rdfs:subClassOf* sg:Organization . }""".formatted(event)),
                "organized by 中国科学技术协会 (alias 中国科协)");
        assertTrue(ask("""
                ASK { %s sg:organizedBy ?ru .
                      ?ru rdfs:label "俄罗斯科学工程协会联合会"@zh ; a ?class .
                      ?class rdfs:subClassOf* sg:Organization . }""".formatted(event)),
                "organized by 俄罗斯科学工程协会联合会");
    }

    @Test
    void theForumsLabelHasNoQuotationMarks() {
        assertTrue(ask("ASK { GRAPH <" + docIri(seed003) + "> { ?e rdfs:label \"第八届中俄工程技术论坛\"@zh } }"));
        assertFalse(ask("ASK { ?e rdfs:label ?l . FILTER(REGEX(STR(?l), \"[“”\\\"]\")) }"), "no label keeps quotation marks");
    }

    @Test
    void chinaCooperatesWithRussia() {
        assertTrue(ask("""
                ASK { ?cn a sg:Country ; rdfs:label "中国"@zh ; sg:isoCode "CN" .
                      ?ru a sg:Country ; rdfs:label "俄罗斯"@zh ; sg:isoCode "RU" .
                      { ?cn sg:cooperatesWith ?ru } UNION { ?ru sg:cooperatesWith ?cn } }"""));
    }

    // ------------------------------------------------------------------ (b) the conference of 001

    @Test
    void theConferenceIsHeldInChongqingOnNovember6And7() {
        String g = "<" + docIri(seed001) + ">";
        List<Map<String, RDFNode>> conference = select("""
                SELECT DISTINCT ?event WHERE {
                  GRAPH %s { ?event rdfs:label "首届一带一路科技交流大会"@zh ; a ?class . }
                  ?class rdfs:subClassOf* sg:Event .
                }""".formatted(g));
        assertEquals(1, conference.size(), conference.toString());
        String event = "<" + conference.get(0).get("event").asResource().getURI() + ">";

        assertTrue(ask("ASK { GRAPH " + g + " { " + event + " sg:heldIn <" + ID + "admin/500000> } }"), "held in 重庆市");
        assertTrue(ask("ASK { <" + ID + "admin/500000> rdfs:label \"重庆市\"@zh ; a sg:City }"));
        assertTrue(ask("ASK { GRAPH " + g + " { " + event + " sg:startDate \"2023-11-06\"^^xsd:date } }"), "starts 2023-11-06");
        assertTrue(ask("ASK { GRAPH " + g + " { " + event + " sg:endDate \"2023-11-07\"^^xsd:date } }"), "ends 2023-11-07");
    }

    @Test
    void zhangGuangjunIsAffiliatedWithTheMinistry() {
        assertTrue(ask("""
                ASK { GRAPH <%s> {
                  ?person a sg:Person ; rdfs:label "张广军"@zh ; sg:affiliatedWith ?org .
                  ?org rdfs:label "科学技术部"@zh . } }""".formatted(docIri(seed001))));
    }

    // ------------------------------------------------------------------ (c) determinism

    @Test
    void extractingTheSameDocumentAgainGivesTheSameQuadsInTheSameOrder() throws Exception {
        SourceDocument doc = Seeds.document(seed001);
        assertEquals(graph001.quads(), pipeline.extract(doc).quads(), "same pipeline, again");
        assertEquals(graph001.quads(), SilkGraph.standard().extract(doc).quads(), "a new pipeline");
        assertEquals(graph001.quads(), CompletableFuture.supplyAsync(() -> pipeline.extract(doc)).get().quads(),
                "another thread");
        assertEquals(graph001, pipeline.extract(doc));
    }

    // ------------------------------------------------------------------ (d) evidence

    @Test
    void everyFactStatementHasOneEvidenceSentenceThatIsTheSourceTextAtItsOffsets() {
        for (Path seed : List.of(seed001, seed003))
            assertEvidence(seed, Seeds.text(seed));
    }

    @Test
    void theEvidenceOfHeldInAndAffiliatedWithFactsNamesTheSubject() {
        assertEquals(List.of(), unnamedSubjects("heldIn", seed001, seed003));
        assertEquals(List.of(), unnamedSubjects("affiliatedWith", seed001, seed003));
    }

    /**
     * 001 says "本次交流大会由科技部、…共同主办": the organizers are read through the event of earlier sentences,
     * so the statement also points (sg:contextEvidence) at the sentence that names the event.
     */
    @Test
    void theEvidenceOfOrganizedByFactsNamesTheEvent() {
        assertEquals(List.of(), unnamedSubjects("organizedBy", seed001, seed003));
    }

    /** Offsets count code points: with characters outside the BMP in front, UTF-16 offsets would be off. */
    @Test
    void evidenceOffsetsCountCodePointsNotUtf16Units() {
        String text = "𠮷𠮷𠮷\n\n" + Seeds.text(seed003);
        DocumentGraph g = pipeline.extract(new SourceDocument("astral", "astral.txt", text, null, null));
        Dataset one = datasetOf(g);
        List<Map<String, RDFNode>> sentences = select(one, """
                SELECT ?text ?start ?end WHERE { ?s a sg:Sentence ; sg:text ?text ; sg:startOffset ?start ; sg:endOffset ?end }""");
        assertFalse(sentences.isEmpty());
        for (Map<String, RDFNode> s : sentences) {
            assertEquals(Seeds.codePointSubstring(text, s.get("start").asLiteral().getInt(), s.get("end").asLiteral().getInt()),
                    s.get("text").asLiteral().getLexicalForm());
        }
        List<String> counts = strings(one, "SELECT ?n WHERE { ?d a sg:Document ; sg:characterCount ?n }", "n");
        assertEquals(List.of(Integer.toString(text.codePointCount(0, text.length()))), counts);
    }

    // ------------------------------------------------------------------ (e) named graphs and the document node

    @Test
    void allQuadsAreInTheDocumentsNamedGraph() {
        for (Map.Entry<Path, DocumentGraph> e : Map.of(seed001, graph001, seed003, graph003).entrySet()) {
            Node graph = NodeFactory.createURI(docIri(e.getKey()));
            DocumentGraph g = e.getValue();
            assertEquals(Seeds.stem(e.getKey()), g.documentId());
            assertTrue(g.quads().size() > 100, "a real graph: " + g.quads().size());
            Set<Node> graphs = g.quads().stream().map(Quad::getGraph).collect(Collectors.toSet());
            assertEquals(Set.of(graph), graphs);
        }
        List<String> named = strings("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <" + ONTOLOGY_GRAPH + ">) } ORDER BY ?g", "g");
        assertEquals(List.of(docIri(seed001), docIri(seed003)), named);
    }

    @Test
    void theDocumentNodeNamesItsFileHashAndLength() throws Exception {
        for (Path seed : List.of(seed001, seed003)) {
            String text = Seeds.text(seed);
            String hash = "sha256:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            assertTrue(ask("""
                    ASK { GRAPH <%1$s> { <%1$s> a sg:Document ; sg:fileName "%2$s" ; sg:sourceRecord "%3$s" ;
                                                 sg:contentHash "%4$s" ; sg:characterCount %5$d } }"""
                    .formatted(docIri(seed), seed.getFileName(), seed, hash, text.codePointCount(0, text.length()))),
                    seed.toString());
        }
    }

    @Test
    void everyEntityHasExactlyOneChineseLabel() {
        List<Map<String, RDFNode>> bad = select("""
                SELECT ?g ?e (COUNT(?l) AS ?labels) WHERE {
                  GRAPH ?g { ?e rdfs:label ?l } FILTER(?g != <%s>)
                } GROUP BY ?g ?e HAVING (COUNT(?l) != 1)""".formatted(ONTOLOGY_GRAPH));
        assertEquals(List.of(), bad);
        assertFalse(ask("ASK { GRAPH ?g { ?e rdfs:label ?l } FILTER(?g != <" + ONTOLOGY_GRAPH + "> && LANG(?l) != \"zh\") }"));
    }

    // ------------------------------------------------------------------ helpers

    private static void assertEvidence(Path seed, String sourceText) {
        String doc = docIri(seed);
        List<Map<String, RDFNode>> statements = select("""
                SELECT ?st ?s ?p ?o (COUNT(DISTINCT ?ev) AS ?evidences) WHERE {
                  GRAPH <%s> { ?st a sg:FactStatement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                               OPTIONAL { ?st sg:evidence ?ev } }
                } GROUP BY ?st ?s ?p ?o""".formatted(doc));
        assertFalse(statements.isEmpty(), seed + " has facts");
        for (Map<String, RDFNode> st : statements) {
            String where = seed.getFileName() + " " + st.get("st");
            assertEquals(1, st.get("evidences").asLiteral().getInt(), where + ": one sg:evidence");
            String statement = "<" + st.get("st").asResource().getURI() + ">";
            assertTrue(ask("ASK { GRAPH <" + doc + "> { " + statement + " prov:wasDerivedFrom <" + doc + "> } }"), where);
            assertTrue(ask("""
                    ASK { GRAPH <%1$s> { %2$s rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . ?s ?p ?o } }"""
                    .formatted(doc, statement)), where + ": the fact itself is asserted");

            List<Map<String, RDFNode>> sentence = select("""
                    SELECT ?text ?start ?end WHERE { GRAPH <%1$s> {
                      %2$s sg:evidence ?sentence .
                      ?sentence a sg:Sentence ; sg:inDocument <%1$s> ; sg:text ?text ; sg:startOffset ?start ; sg:endOffset ?end } }"""
                    .formatted(doc, statement));
            assertEquals(1, sentence.size(), where + ": one text and one pair of offsets " + sentence);
            String text = sentence.get(0).get("text").asLiteral().getLexicalForm();
            int start = sentence.get(0).get("start").asLiteral().getInt();
            int end = sentence.get(0).get("end").asLiteral().getInt();
            assertEquals(Seeds.codePointSubstring(sourceText, start, end), text, where + " at " + start + ".." + end);
        }
    }

    /**
     * Facts of {@code predicate} (at least one per seed) whose evidence sentence contains neither the subject's label
     * nor any of its altLabels, quotation marks and white space aside (labels drop them, sentences keep them).
     */
    private static List<String> unnamedSubjects(String predicate, Path... seeds) {
        List<String> failures = new ArrayList<>();
        for (Path seed : seeds) {
            String doc = docIri(seed);
            List<Map<String, RDFNode>> facts = select("""
                    SELECT ?st ?s ?text WHERE { GRAPH <%s> {
                      ?st a sg:FactStatement ; rdf:subject ?s ; rdf:predicate sg:%s .
                      { ?st sg:evidence/sg:text ?evidence
                        OPTIONAL { ?st sg:contextEvidence/sg:text ?context } }
                      BIND (CONCAT(COALESCE(?context, ""), ?evidence) AS ?text) } }"""
                    .formatted(doc, predicate));
            assertFalse(facts.isEmpty(), seed + " has " + predicate + " facts");
            for (Map<String, RDFNode> fact : facts) {
                List<String> names = strings("SELECT ?name WHERE { GRAPH <%s> { <%s> rdfs:label|skos:altLabel ?name } }"
                        .formatted(doc, fact.get("s").asResource().getURI()), "name");
                String text = fact.get("text").asLiteral().getLexicalForm();
                String bare = text.replaceAll(MARKS, "");
                if (names.isEmpty() || names.stream().noneMatch(n -> bare.contains(n.replaceAll(MARKS, ""))))
                    failures.add(seed.getFileName() + " " + predicate + ": none of " + names + " in \"" + text + "\"");
            }
        }
        return failures;
    }

    private static String docIri(Path seed) {
        return ID + "doc/" + Seeds.stem(seed);
    }

    private static Dataset datasetOf(DocumentGraph g) {
        DatasetGraph dsg = GraphStore.inMemory();
        GraphStore.add(dsg, g);
        return DatasetFactory.wrap(dsg);
    }

    private static boolean ask(String query) {
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(PREFIXES + query).build()) {
                return qe.execAsk();
            }
        });
    }

    private static List<Map<String, RDFNode>> select(String query) {
        return select(dataset, query);
    }

    private static List<Map<String, RDFNode>> select(Dataset over, String query) {
        return Txn.calculateRead(over, () -> {
            try (QueryExecution qe = QueryExecution.dataset(over).query(PREFIXES + query).build()) {
                ResultSet rs = qe.execSelect();
                List<Map<String, RDFNode>> rows = new ArrayList<>();
                while (rs.hasNext()) {
                    QuerySolution row = rs.next();
                    Map<String, RDFNode> m = new LinkedHashMap<>();
                    row.varNames().forEachRemaining(v -> m.put(v, row.get(v)));
                    rows.add(m);
                }
                return rows;
            }
        });
    }

    private static List<String> strings(String query, String variable) {
        return strings(dataset, query, variable);
    }

    private static List<String> strings(Dataset over, String query, String variable) {
        return select(over, query).stream().map(r -> r.get(variable))
                .map(n -> n.isLiteral() ? n.asLiteral().getLexicalForm() : n.asResource().getURI()).toList();
    }
}
