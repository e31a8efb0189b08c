package org.w3id.silkgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.junit.jupiter.api.Test;

/** Updates are off unless asked for, and then only on the separate /kg-update service; /kg stays read-only. */
class UpdateServiceTest {
    private static final String UPDATE = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> \"written\" } }";

    @Test
    void noUpdateServiceUnlessEnabled() {
        Dataset dataset = MiniGraph.load();
        try (GraphServer server = GraphServer.create().dataset(dataset.asDatasetGraph()).port(0).build().start()) {
            String root = server.pageUrl().replaceFirst("/$", "");
            HttpResponse<String> r = new SparqlHttp().post(root + "/kg-update/update", "application/sparql-update", UPDATE);
            assertEquals(404, r.statusCode(), r.body());
        }
    }

    @Test
    void updatesGoToTheSeparateServiceOnly() {
        Dataset dataset = MiniGraph.load();
        try (GraphServer server = GraphServer.create().dataset(dataset.asDatasetGraph()).port(0).updates(true).build().start()) {
            String root = server.pageUrl().replaceFirst("/$", "");
            HttpResponse<String> refused = new SparqlHttp().post(root + "/kg/sparql", "application/sparql-update", UPDATE);
            assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500, "the public service stays read-only: " + refused.statusCode());
            assertEquals(false, dataset.calculateRead(() -> dataset.asDatasetGraph().containsGraph(NodeFactory.createURI("urn:x:g"))));

            HttpResponse<String> done = new SparqlHttp().post(root + "/kg-update/update", "application/sparql-update", UPDATE);
            assertTrue(done.statusCode() == 200 || done.statusCode() == 204, done.statusCode() + " " + done.body());
            assertTrue(dataset.calculateRead(() -> dataset.asDatasetGraph().containsGraph(NodeFactory.createURI("urn:x:g"))));
        }
    }
}
