package org.w3id.silkgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real server on a free loopback port, spoken to over HTTP. */
class GraphServerTest {

    private static final String DOC_001 = "https://w3id.org/silkgraph/id/doc/001_1f754e89af8162ba";
    private static final String COUNT_LABELS = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT (COUNT(*) AS ?n) WHERE { ?s rdfs:label ?label }""";

    private static Dataset dataset;
    private static GraphServer server;
    private static String base;
    private final SparqlHttp http = new SparqlHttp();

    @BeforeAll
    static void start() {
        dataset = MiniGraph.load();
        server = GraphServer.create().dataset(dataset.asDatasetGraph()).port(0).build().start();
        base = "http://localhost:" + server.port() + "/kg";
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void endpointNamesTheRealPort() {
        assertTrue(server.port() > 0);
        assertEquals("http://localhost:" + server.port() + "/kg/sparql", server.endpoint());
    }

    @Test
    void answersQueriesAtSparqlAndQueryByGetAndPost() {
        String ask = "ASK { ?s <http://www.w3.org/2000/01/rdf-schema#label> \"中国\"@zh }";
        for (String endpoint : List.of(base + "/sparql", base + "/query", base)) {
            HttpResponse<String> get = http.get(endpoint, ask, "", "Accept", "application/sparql-results+json");
            HttpResponse<String> postForm = http.post(endpoint, "application/x-www-form-urlencoded",
                    "query=" + SparqlHttp.encode(ask));
            HttpResponse<String> postQuery = http.post(endpoint, "application/sparql-query", ask);
            for (HttpResponse<String> response : List.of(get, postForm, postQuery)) {
                assertEquals(200, response.statusCode(), endpoint + ": " + response.body());
                assertTrue(response.body().contains("true"), response.body());
            }
        }
    }

    @Test
    void readsGraphsThroughTheGraphStoreProtocol() {
        for (String endpoint : List.of(base + "/get", base + "/data")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(endpoint + "?graph=" + SparqlHttp.encode(DOC_001)))
                    .header("Accept", "application/n-triples").GET().build());
            assertEquals(200, response.statusCode(), endpoint + ": " + response.body());
            Graph graph = GraphFactory.createDefaultGraph();
            RDFParser.fromString(response.body(), Lang.NTRIPLES).parse(graph);
            long inDataset = dataset.calculateRead(() ->
                    dataset.getNamedModel(DOC_001).size());
            assertEquals(inDataset, graph.size());
        }
    }

    /**
     * Each refused write goes over a connection of its own: Jetty may close the connection after
     * refusing a request whose body it did not read, and a reused connection would then fail.
     */
    @Test
    void refusesUpdates() {
        long before = MiniGraph.quadCount(dataset);
        String update = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> \"written\" } }";
        List<HttpResponse<String>> attempts = List.of(
                new SparqlHttp().post(base + "/sparql", "application/sparql-update", update),
                new SparqlHttp().post(base + "/query", "application/x-www-form-urlencoded", "update=" + SparqlHttp.encode(update)),
                new SparqlHttp().post(base, "application/sparql-update", update),
                new SparqlHttp().post(base, "application/x-www-form-urlencoded", "update=" + SparqlHttp.encode(update)),
                new SparqlHttp().post(base + "/update", "application/sparql-update", update));
        for (HttpResponse<String> response : attempts)
            assertIsClientError(response);
        assertEquals(404, attempts.get(attempts.size() - 1).statusCode(), "no /kg/update endpoint");
        assertEquals(before, MiniGraph.quadCount(dataset));
        assertFalse(dataset.calculateRead(() -> dataset.asDatasetGraph().containsGraph(NodeFactory.createURI("urn:x:g"))));
    }

    @Test
    void refusesGraphStoreWrites() {
        long before = MiniGraph.quadCount(dataset);
        String turtle = "<urn:x:s> <urn:x:p> \"written\" .";
        for (String target : List.of(base + "/data?default", base + "/get?default", base + "?default",
                                     base + "/data?graph=" + SparqlHttp.encode(DOC_001))) {
            HttpResponse<String> put = new SparqlHttp().send(HttpRequest.newBuilder(URI.create(target))
                    .header("Content-Type", "text/turtle")
                    .PUT(HttpRequest.BodyPublishers.ofString(turtle)).build());
            assertEquals(405, put.statusCode(), "PUT " + target + ": " + put.body());
            assertIsClientError(new SparqlHttp().post(target, "text/turtle", turtle));
            assertIsClientError(new SparqlHttp().send(HttpRequest.newBuilder(URI.create(target)).DELETE().build()));
        }
        assertEquals(before, MiniGraph.quadCount(dataset));
    }

    @Test
    void malformedQueryIsBadRequestWithTheParserMessage() {
        HttpResponse<String> response = http.get(server.endpoint(), "SELECT * WHERE { ?s ?p }", "");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Encountered"), response.body());
        assertTrue(response.body().contains("line 1, column 24"), response.body());
    }

    @Test
    void allowsCrossOriginRequests() {
        HttpResponse<String> get = http.get(server.endpoint(), COUNT_LABELS, "",
                "Origin", "http://example.org", "Accept", "application/sparql-results+json");
        assertEquals(200, get.statusCode());
        assertAllowsOrigin(get);

        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(server.endpoint()))
                .header("Origin", "http://example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Content-Type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, preflight.statusCode());
        assertAllowsOrigin(preflight);
        String methods = preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("");
        assertTrue(methods.contains("POST") && methods.contains("GET"), methods);
        String headers = preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("");
        assertTrue(headers.toLowerCase().contains("content-type"), headers);
    }

    @Test
    void negotiatesResultFormats() {
        HttpResponse<String> csv = http.get(server.endpoint(), COUNT_LABELS, "", "Accept", "text/csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("n", lines.get(0));
        String expected = Long.toString(dataset.calculateRead(() ->
                dataset.asDatasetGraph().getUnionGraph().find(Node.ANY, RDFS.Nodes.label, Node.ANY).toList().size()));
        assertEquals(expected, lines.get(1));

        HttpResponse<String> json = http.get(server.endpoint(), COUNT_LABELS, "format=json");
        assertEquals(200, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        assertTrue(json.body().contains("\"head\"") && json.body().contains("\"" + expected + "\""), json.body());

        HttpResponse<String> tsv = http.get(server.endpoint(), COUNT_LABELS, "", "Accept", "text/tab-separated-values");
        assertEquals("?n", tsv.body().lines().findFirst().orElseThrow());

        HttpResponse<String> xml = http.get(server.endpoint(), COUNT_LABELS, "format=xml");
        assertTrue(xml.body().contains("<sparql"), xml.body());
    }

    @Test
    void writesConstructResultsAsTurtleOrJsonLd() {
        String construct = """
                PREFIX sg: <https://w3id.org/silkgraph/ontology#>
                CONSTRUCT { ?a sg:cooperatesWith ?b } WHERE { ?a sg:cooperatesWith ?b }""";
        long facts = http.select(server.endpoint(), """
                PREFIX sg: <https://w3id.org/silkgraph/ontology#>
                SELECT DISTINCT ?a ?b WHERE { ?a sg:cooperatesWith ?b }""").size();
        assertTrue(facts > 0);
        for (Map.Entry<String, Lang> accept : Map.of("text/turtle", Lang.TURTLE, "application/ld+json", Lang.JSONLD).entrySet()) {
            HttpResponse<String> response = http.get(server.endpoint(), construct, "", "Accept", accept.getKey());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(accept.getKey()));
            Graph graph = GraphFactory.createDefaultGraph();
            RDFParser.source(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)))
                    .lang(accept.getValue()).parse(graph);
            assertEquals(facts, graph.size(), accept.getKey());
        }
    }

    /**
     * Linux routes all of 127.0.0.0/8 to the loopback device: a server listening on every interface
     * would answer at 127.0.0.2 too; one bound to localhost must not.
     */
    @Test
    void listensOnLocalhostOnlyByDefault() throws IOException {
        connect("127.0.0.1", server.port());
        assertThrows(ConnectException.class, () -> connect("127.0.0.2", server.port()));
    }

    @Test
    void listensOnTheAddressItIsGiven() throws IOException {
        try (GraphServer other = GraphServer.create().dataset(dataset.asDatasetGraph())
                .port(0).bind("127.0.0.2").build().start()) {
            assertEquals("http://127.0.0.2:" + other.port() + "/kg/sparql", other.endpoint());
            assertEquals(200, http.get(other.endpoint(), COUNT_LABELS, "").statusCode());
            assertThrows(ConnectException.class, () -> connect("127.0.0.1", other.port()));
        }
    }

    @Test
    void aTakenPortIsReportedByNumber() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            GraphServer blocked = GraphServer.create().dataset(dataset.asDatasetGraph()).port(taken.getLocalPort()).build();
            IllegalStateException error = assertThrows(IllegalStateException.class, blocked::start);
            assertTrue(error.getMessage().startsWith("Cannot listen on localhost:" + taken.getLocalPort() + ": "),
                    error.getMessage());
        }
    }

    @Test
    void needsADatasetOrAConfigurationButNotBoth() {
        assertThrows(IllegalStateException.class, () -> GraphServer.create().build());
        assertThrows(IllegalStateException.class, () -> GraphServer.create()
                .dataset(dataset.asDatasetGraph()).config(Path.of("config.ttl")).build());
    }

    private static void assertIsClientError(HttpResponse<String> response) {
        int status = response.statusCode();
        assertTrue(status >= 400 && status < 500,
                response.request().method() + " " + response.request().uri() + " gave " + status + ": " + response.body());
    }

    private static void assertAllowsOrigin(HttpResponse<String> response) {
        String allowed = response.headers().firstValue("Access-Control-Allow-Origin").orElse(null);
        assertNotNull(allowed, "no Access-Control-Allow-Origin in " + response.headers().map());
        assertTrue(allowed.equals("*") || allowed.equals("http://example.org"), allowed);
    }

    private static void connect(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
        }
    }
}
