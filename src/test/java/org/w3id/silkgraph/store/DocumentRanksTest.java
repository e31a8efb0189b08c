package org.w3id.silkgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.w3id.silkgraph.rdf.SG;

class DocumentRanksTest {
    private static final String ID = "https://w3id.org/silkgraph/id/";

    @Test
    void theMostMentionedOfEachKindAreRankedTiesByIri() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        int people = DocumentRanks.KEPT + 500;
        for (int i = 0; i < people; i++) {
            // counts 1…people/2, each twice: ties everywhere
            count(dsg, ID + "person/p" + String.format("%05d", i), i / 2 + 1);
        }
        count(dsg, ID + "city/a", 3);
        count(dsg, ID + "city/b", 7);
        dsg.executeWrite(() -> DocumentRanks.refresh(dsg));

        Map<String, Integer> ranks = ranks(dsg);
        assertEquals(DocumentRanks.KEPT + 2, ranks.size(), "the first KEPT people and both cities");
        // the two most mentioned people share the top count: the smaller IRI comes first
        assertEquals(1, ranks.get(ID + "person/p" + String.format("%05d", people - 2)));
        assertEquals(2, ranks.get(ID + "person/p" + String.format("%05d", people - 1)));
        assertEquals(DocumentRanks.KEPT - 1, ranks.get(ID + "person/p" + String.format("%05d", people - DocumentRanks.KEPT)));
        assertEquals(DocumentRanks.KEPT, ranks.get(ID + "person/p" + String.format("%05d", people - DocumentRanks.KEPT + 1)));
        assertEquals(null, ranks.get(ID + "person/p" + String.format("%05d", people - DocumentRanks.KEPT - 1)));
        assertEquals(1, ranks.get(ID + "city/b"));
        assertEquals(2, ranks.get(ID + "city/a"));

        // a change of counts moves the ranks, and a second refresh leaves one rank per entity
        count(dsg, ID + "city/a", 9);
        dsg.executeWrite(() -> {
            dsg.delete(Quad.defaultGraphIRI, NodeFactory.createURI(ID + "city/a"), SG.documentCount, MergedDefaultGraph.documentCount(3));
            DocumentRanks.refresh(dsg);
        });
        ranks = ranks(dsg);
        assertEquals(1, ranks.get(ID + "city/a"));
        assertEquals(2, ranks.get(ID + "city/b"));
        assertEquals(DocumentRanks.KEPT + 2, dsg.calculateRead(() -> (int) dsg.stream(Quad.defaultGraphIRI, Node.ANY, SG.documentRank, Node.ANY).count()));
    }

    private static void count(DatasetGraph dsg, String iri, long n) {
        dsg.executeWrite(() -> dsg.add(Quad.defaultGraphIRI, NodeFactory.createURI(iri), SG.documentCount, MergedDefaultGraph.documentCount(n)));
    }

    private static Map<String, Integer> ranks(DatasetGraph dsg) {
        Map<String, Integer> out = new HashMap<>();
        dsg.executeRead(() -> dsg.find(Quad.defaultGraphIRI, Node.ANY, SG.documentRank, Node.ANY).forEachRemaining(q ->
                out.put(q.getSubject().getURI(), ((Number) q.getObject().getLiteralValue()).intValue())));
        return out;
    }
}
