package org.w3id.silkgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A runaway query is stopped by the timeout, and the server goes on answering. */
class QueryTimeoutTest {

    static final int TRIPLES = 100_000;
    /** Counting a three-way cross product of 10^5 triples means 10^15 rows: it never ends by itself. */
    static final String RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }";
    static final String SIMPLE = "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://example.org/p0> ?o }";

    private static GraphServer server;
    private final SparqlHttp http = new SparqlHttp();

    @BeforeAll
    static void start() {
        server = GraphServer.create().dataset(generated()).port(0).timeout(Duration.ofSeconds(1)).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** {@code TRIPLES} triples over ten properties. */
    static DatasetGraph generated() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < TRIPLES; i++) {
                Node subject = NodeFactory.createURI("http://example.org/s" + i);
                Node property = NodeFactory.createURI("http://example.org/p" + (i % 10));
                dsg.getDefaultGraph().add(subject, property, NodeFactory.createLiteralString("v" + i));
            }
        });
        return dsg;
    }

    @Test
    void runawayQueryIsCancelledWith503AndTheServerGoesOn() {
        long started = System.nanoTime();
        HttpResponse<String> response = http.get(server.endpoint(), RUNAWAY, "");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(503, response.statusCode(), response.body());
        assertTrue(took.compareTo(Duration.ofSeconds(1)) >= 0, "answered before the timeout: " + took);
        assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "the timeout did not stop the query: " + took);

        long afterwards = System.nanoTime();
        assertEquals(String.valueOf(TRIPLES / 10), http.select(server.endpoint(), SIMPLE).get(0).get("n"));
        assertTrue(Duration.ofNanos(System.nanoTime() - afterwards).compareTo(Duration.ofSeconds(2)) < 0);
    }

    @Test
    void clientCannotRaiseTheTimeout() {
        long started = System.nanoTime();
        HttpResponse<String> response = http.get(server.endpoint(), RUNAWAY, "timeout=60");
        assertEquals(503, response.statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(8)) < 0);
    }
}
