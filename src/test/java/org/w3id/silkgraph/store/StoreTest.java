package org.w3id.silkgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.silkgraph.DocumentGraph;
import org.w3id.silkgraph.Seeds;
import org.w3id.silkgraph.SilkGraph;
import org.w3id.silkgraph.rdf.SG;
import org.w3id.silkgraph.source.SourceDocument;

/** A store on disk: documents added, replaced when changed, left alone when not; a failed batch leaves nothing. */
class StoreTest {
    private static SilkGraph pipeline;
    private static DocumentGraph seed003;
    private static DocumentGraph seed001;

    @TempDir
    Path dir;

    @BeforeAll
    static void extract() throws IOException {
        pipeline = SilkGraph.standard();
        Path p = Seeds.file("003");
        seed003 = pipeline.extract(new SourceDocument("003", p.toString(), Files.readString(p), null, null));
        Path q = Seeds.file("001");
        seed001 = pipeline.extract(new SourceDocument("001", q.toString(), Files.readString(q), null, null));
    }

    @Test
    void addingAgainChangesNothingAndAChangedDocumentReplacesItsFacts() {
        try (Store store = Store.open(dir)) {
            assertEquals(Store.Outcome.ADDED, store.put(seed003));
            Set<Quad> first = quads(store);
            assertEquals(Store.Outcome.UNCHANGED, store.put(seed003));
            assertEquals(first, quads(store));

            String changed = "第九届中俄工程技术论坛于12月1日在哈尔滨举办。";
            DocumentGraph edited = pipeline.extract(new SourceDocument("003", "003.txt", changed, null, null));
            assertEquals(Store.Outcome.REPLACED, store.put(edited));
            Set<Quad> now = quads(store);
            assertEquals(new HashSet<>(edited.quads()), now, "only the new version's quads are left");
            assertEquals(merged(edited), defaultGraph(store), "the default graph is the merge of what is left, with counts");
            assertFalse(ask(store, "ASK { ?e rdfs:label \"第八届中俄工程技术论坛\"@zh }"));
            assertTrue(ask(store, "ASK { ?e rdfs:label \"第九届中俄工程技术论坛\"@zh ; sg:heldIn ?c . ?c rdfs:label \"哈尔滨市\"@zh }"));
        }
    }

    @Test
    void theStoreIsThereAfterReopeningAndSearchFollowsReplacement() {
        try (Store store = Store.open(dir)) {
            store.put(seed003);
        }
        try (Store store = Store.open(dir)) {
            assertEquals(1, store.documents());
            assertTrue(ask(store, "ASK { ?e text:query \"中俄工程\" ; rdfs:label \"第八届中俄工程技术论坛\"@zh }"));
            DocumentGraph edited = pipeline.extract(new SourceDocument("003", "003.txt", "中国科协在北京召开第十届全国代表大会。", null, null));
            store.put(edited);
            assertFalse(ask(store, "ASK { ?e text:query \"中俄工程\" }"), "the replaced document's names leave the index");
        }
    }

    @Test
    void aFailedBatchLeavesTheStoreAsItWas() {
        try (Store store = Store.open(dir)) {
            store.put(seed003);
            Set<Quad> before = quads(store);
            List<Quad> broken = new ArrayList<>(seed003.quads());
            // a variable cannot be stored: the write fails half-way through the transaction
            broken.add(Quad.create(NodeFactory.createURI("https://w3id.org/silkgraph/id/doc/003"),
                    NodeFactory.createVariable("x"), NodeFactory.createURI("urn:p"), NodeFactory.createURI("urn:o")));
            DocumentGraph other = new DocumentGraph("other", pipeline.extract(SourceDocument.of("other", "中俄两国在莫斯科举行会谈。")).quads(), 0, 0, 0);
            DocumentGraph bad = new DocumentGraph("003", broken, 0, 0, 0);
            assertThrows(RuntimeException.class, () -> store.put(List.of(other, bad)));
            assertEquals(before, quads(store), "neither document of the failed batch is in the store");
            assertFalse(store.dataset().calculateRead(() -> store.dataset().containsGraph(
                    NodeFactory.createURI("https://w3id.org/silkgraph/id/doc/other"))));
        }
    }

    @Test
    void theDefaultGraphKeepsWhatAnyDocumentStillStatesAndCountsDocuments() {
        try (Store store = Store.open(dir)) {
            store.put(List.of(seed001, seed003));
            Set<Triple> both = defaultGraph(store);
            assertTrue(both.contains(Triple.create(CHINA, SG.documentCount, MergedDefaultGraph.documentCount(2))), both.toString());
            assertEquals(MergedDefaultGraph.documentCount(1), rank(store, CHINA), "the most mentioned country");
            assertEquals(1, both.stream().filter(t -> t.getSubject().equals(CHINA) && t.getPredicate().equals(RDFS.Nodes.label)).count());

            DocumentGraph without = pipeline.extract(new SourceDocument("001", "001.txt", "莫斯科国立大学举办学术讲座。", null, null));
            store.put(without);
            Set<Triple> after = defaultGraph(store);
            assertTrue(after.contains(Triple.create(CHINA, SG.documentCount, MergedDefaultGraph.documentCount(1))), after.toString());
            assertTrue(after.contains(Triple.create(CHINA, RDFS.Nodes.label, NodeFactory.createLiteralLang("中国", "zh"))),
                    "003 still states China's label");
            Set<Quad> all = new HashSet<>(seed003.quads());
            all.addAll(without.quads());
            assertEquals(merged(all), after);
        }
    }

    @Test
    void aBulkLoadMakesTheStoreThatAddingDocumentsMakes() throws IOException {
        Path added = storeOfBothSeeds();
        Path bulk = dir.resolve("bulk");
        try (BulkLoad.Session session = BulkLoad.session(bulk, null)) {
            session.add(seed001.quads());
            session.add(seed003.quads());
            session.finish();
        }
        try (Store a = Store.open(added); Store b = Store.open(bulk)) {
            assertEquals(quads(a), quads(b));
            assertEquals(defaultGraph(a), defaultGraph(b));
            assertEquals(ranks(a), ranks(b));
            for (String term : List.of("中俄", "重庆", "科技部")) {
                assertEquals(labelsFound(a, term), labelsFound(b, term), term);
            }
        }
    }

    @Test
    void aSecondBulkLoadCountsTheDocumentsOfBoth() throws IOException {
        Path added = storeOfBothSeeds();
        Path bulk = dir.resolve("bulk");
        BulkLoad.load(bulk, List.of(nQuads(seed001)), null);
        BulkLoad.load(bulk, List.of(nQuads(seed003)), null);
        try (Store a = Store.open(added); Store b = Store.open(bulk)) {
            assertTrue(defaultGraph(b).contains(Triple.create(CHINA, SG.documentCount, MergedDefaultGraph.documentCount(2))),
                    "the first load's count of China is replaced, not kept beside the new one");
            assertEquals(defaultGraph(a), defaultGraph(b));
            assertEquals(ranks(a), ranks(b));
        }
    }

    /** A store in {@code dir/added} with both seeds added through {@link Store#put}, to compare bulk loads with. */
    private Path storeOfBothSeeds() {
        Path added = dir.resolve("added");
        try (Store store = Store.open(added)) {
            store.put(List.of(seed001, seed003));
        }
        return added;
    }

    /** The document's quads as an N-Quads dump, as the Spark job writes them. */
    private Path nQuads(DocumentGraph g) throws IOException {
        Path file = dir.resolve(g.documentId() + ".nq");
        try (DumpWriter out = DumpWriter.toFile(file, DumpFormat.NQUADS)) {
            out.add(g.quads());
            out.finish();
        }
        return file;
    }

    private static Set<Triple> ranks(Store store) {
        return store.dataset().calculateRead(() -> store.dataset().getDefaultGraph().find(Node.ANY, SG.documentRank, Node.ANY).toSet());
    }

    private static final Node CHINA = NodeFactory.createURI("https://w3id.org/silkgraph/id/country/CN");

    /** What the default graph should hold for these documents: each triple once, and each entity's document count. */
    private static Set<Triple> merged(DocumentGraph g) {
        return merged(new HashSet<>(g.quads()));
    }

    private static Set<Triple> merged(Set<Quad> quads) {
        Set<Triple> out = new HashSet<>();
        Map<Node, Long> counts = new HashMap<>();
        for (Quad q : quads) {
            out.add(q.asTriple());
            if (q.getPredicate().equals(SG.mentions)) {
                counts.merge(q.getObject(), 1L, Long::sum);
            }
        }
        counts.forEach((e, n) -> out.add(Triple.create(e, SG.documentCount, MergedDefaultGraph.documentCount(n))));
        return out;
    }

    /** The default graph without the ranks (they are checked on their own). */
    private static Set<Triple> defaultGraph(Store store) {
        return store.dataset().calculateRead(() -> store.dataset().getDefaultGraph().find().toSet().stream()
                .filter(t -> !t.getPredicate().equals(SG.documentRank)).collect(java.util.stream.Collectors.toSet()));
    }

    private static Node rank(Store store, Node entity) {
        return store.dataset().calculateRead(() -> store.dataset().getDefaultGraph().find(entity, SG.documentRank, Node.ANY)
                .toList().get(0).getObject());
    }

    /** Every hit of a text query, repeats included: the index has one entry per entity and name. */
    private static List<String> labelsFound(Store store, String term) {
        String q = "PREFIX text: <http://jena.apache.org/text#> SELECT ?e ?l { (?e ?score ?l) text:query \"" + term + "\" }";
        return store.dataset().calculateRead(() -> {
            List<String> out = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(store.dataset())).query(q).build()) {
                qe.execSelect().forEachRemaining(r -> out.add(r.get("e") + " " + r.get("l")));
            }
            out.sort(null);
            for (int i = 1; i < out.size(); i++) {
                assertFalse(out.get(i).equals(out.get(i - 1)), "indexed twice: " + out.get(i));
            }
            return out;
        });
    }

    private static Set<Quad> quads(Store store) {
        Set<Quad> all = new HashSet<>();
        store.forEachQuad(all::add);
        return all;
    }

    private static boolean ask(Store store, String where) {
        String q = "PREFIX sg: <https://w3id.org/silkgraph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                + "PREFIX text: <http://jena.apache.org/text#> " + where;
        return store.dataset().calculateRead(() -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(store.dataset())).query(q).build()) {
                return qe.execAsk();
            }
        });
    }
}
