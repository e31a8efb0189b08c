package org.w3id.silkgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.silkgraph.DocumentGraph;
import org.w3id.silkgraph.Seeds;
import org.w3id.silkgraph.SilkGraph;
import org.w3id.silkgraph.source.SourceDocument;

/** A store on disk: documents added, replaced when changed, left alone when not; a failed batch leaves nothing. */
class StoreTest {
    private static SilkGraph pipeline;
    private static DocumentGraph seed003;

    @TempDir
    Path dir;

    @BeforeAll
    static void extract() throws IOException {
        pipeline = SilkGraph.standard();
        Path p = Seeds.file("003");
        seed003 = pipeline.extract(new SourceDocument("003", p.toString(), Files.readString(p), null, null));
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
