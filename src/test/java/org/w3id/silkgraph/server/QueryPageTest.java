package org.w3id.silkgraph.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.silkgraph.query.CannedQueries;
import org.w3id.silkgraph.query.CannedQuery;

/** The query page's files and {@code /queries.json} over plain HTTP, and what must not be served. */
class QueryPageTest {

    private static GraphServer server;
    private static String base;
    private final SparqlHttp http = new SparqlHttp();

    @BeforeAll
    static void start() {
        server = GraphServer.create().dataset(MiniGraph.load().asDatasetGraph()).port(0).build().start();
        base = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void servesThePageAtTheRootWithItsAssets() throws IOException {
        assertEquals(base + "/", server.pageUrl());
        HttpResponse<String> root = get("/");
        assertEquals(200, root.statusCode());
        assertEquals("text/html;charset=utf-8", contentType(root));
        assertTrue(root.body().contains("<title>SilkGraph</title>"), root.body());
        assertEquals(resource("index.html"), root.body());
        assertEquals(root.body(), get("/index.html").body());
        assertTrue(root.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        assertEquals("nosniff", root.headers().firstValue("X-Content-Type-Options").orElse(""));

        Map<String, String> assets = Map.of(
                "/app.js", "text/javascript;charset=utf-8",
                "/style.css", "text/css;charset=utf-8",
                "/favicon.svg", "image/svg+xml;charset=utf-8");
        for (Map.Entry<String, String> asset : assets.entrySet()) {
            HttpResponse<String> response = get(asset.getKey());
            assertEquals(200, response.statusCode(), asset.getKey());
            assertEquals(asset.getValue(), contentType(response), asset.getKey());
            assertEquals(resource(asset.getKey().substring(1)), response.body(), asset.getKey());
            assertTrue(root.body().contains("\"" + asset.getKey().substring(1) + "\""),
                    "index.html refers to " + asset.getKey());
        }
    }

    @Test
    void listsTheCannedQueriesAndTheEndpoint() {
        HttpResponse<String> response = get("/queries.json");
        assertEquals(200, response.statusCode());
        assertEquals("application/json;charset=utf-8", contentType(response));
        JsonObject json = JSON.parse(response.body());
        assertEquals("/kg/sparql", json.get("endpoint").getAsString().value());
        JsonArray listed = json.get("queries").getAsArray();
        List<CannedQuery> expected = CannedQueries.builtIn().all();
        assertEquals(expected.size(), listed.size());
        assertTrue(expected.stream().anyMatch(q -> q.name().equals("events")));
        for (int i = 0; i < expected.size(); i++) {
            JsonObject query = listed.get(i).getAsObject();
            assertEquals(expected.get(i).name(), string(query, "name"));
            assertEquals(expected.get(i).title(), string(query, "title"));
            assertEquals(expected.get(i).description(), string(query, "description"));
            assertEquals(expected.get(i).text(), string(query, "text"));
        }
        // The escaping keeps HTML-significant characters out of the raw text.
        assertFalse(response.body().contains("<"), "raw '<' in " + response.body());
    }

    @Test
    void headHasTheHeadersAndNoBody() {
        for (String path : List.of("/", "/app.js", "/queries.json")) {
            HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, head.statusCode(), path);
            assertEquals("", head.body(), path);
            assertEquals(contentType(get(path)), contentType(head), path);
            assertEquals(String.valueOf(get(path).body().getBytes(StandardCharsets.UTF_8).length),
                    head.headers().firstValue("Content-Length").orElse(""), path);
        }
    }

    @Test
    void onlyGetAndHeadOnThePage() {
        for (String path : List.of("/", "/index.html", "/app.js", "/queries.json")) {
            for (String method : List.of("POST", "PUT", "DELETE")) {
                HttpResponse<String> response = new SparqlHttp().send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "text/plain")
                        .method(method, HttpRequest.BodyPublishers.ofString("x")).build());
                assertEquals(405, response.statusCode(), method + " " + path);
                assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElse(""), method + " " + path);
            }
        }
    }

    /**
     * Sent byte for byte over a socket, so no client normalizes the path on the way. Jetty itself
     * refuses, with 400 before any servlet sees the request, a path that climbs above the root
     * ({@code ..}, also percent-encoded), an encoded "/", an empty segment or a NUL; every other path
     * that is not one of the page's files falls through to Fuseki's last servlet and gets 404.
     */
    @Test
    void nothingOutsideThePageFolderIsServed() throws IOException {
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String target : List.of("/../pom.xml", "/%2e%2e/pom.xml", "/..%2fpom.xml", "/%2e%2e%2fpom.xml",
                "/app.js/../../pom.xml", "//etc/passwd", "/%2Fapp.js", "/index.html%00.txt"))
            expected.put(target, 400);
        for (String target : List.of("/WEB-INF/x", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF",
                "/nothing.js", "/index.htm", "/index.html/", "/app.js/x", "/web/", "/web/index.html",
                "/org/w3id/silkgraph/web/index.html", "/org/w3id/silkgraph/server/GraphServer.class",
                "/queries/", "/queries.json/x", "/.hidden"))
            expected.put(target, 404);
        expected.forEach((target, status) -> {
            String response = rawGet(target);
            assertEquals(status, Integer.parseInt(response.substring(9, 12)), target + " gave " + response);
            assertFalse(response.contains("<project") || response.contains("<title>SilkGraph"), target + " gave " + response);
        });
        for (String target : List.of("/WEB-INF/x", "/nothing.js", "/web/"))
            assertEquals(404, get(target).statusCode(), target);
        assertEquals(400, get("/../pom.xml").statusCode(), "java.net.http sends the path as it is");
    }

    @Test
    void theSparqlEndpointIsUnchanged() {
        assertEquals(200, http.get(server.endpoint(), "ASK {}", "").statusCode());
        assertEquals(404, get("/kg/update").statusCode());
    }

    /** A configured server: the page queries whatever endpoint the file names. */
    @Test
    void aConfiguredServerNamesItsOwnEndpoint(@TempDir Path folder) throws IOException {
        Path config = Files.writeString(folder.resolve("config.ttl"), """
                PREFIX fuseki: <http://jena.apache.org/fuseki#>
                PREFIX ja:     <http://jena.hpl.hp.com/2005/11/Assembler#>
                <#service> a fuseki:Service ;
                    fuseki:name "graph" ;
                    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "q" ] ;
                    fuseki:dataset [ a ja:MemoryDataset ] .
                """);
        try (GraphServer configured = GraphServer.create().config(config).port(0).build().start()) {
            String configuredBase = "http://localhost:" + configured.port();
            HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(configuredBase + "/queries.json")).build());
            assertEquals(200, json.statusCode());
            assertEquals("/graph/q", JSON.parse(json.body()).get("endpoint").getAsString().value());
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(configuredBase + "/")).build()).statusCode());
        }
    }

    @Test
    void theFolderIsReadFromTheClasspath() throws IOException {
        Map<String, byte[]> files = QueryPage.listFiles(QueryPage.class.getClassLoader());
        assertTrue(files.keySet().containsAll(List.of("index.html", "app.js", "style.css", "favicon.svg")), files.keySet().toString());
        assertArrayEquals(resource("app.js").getBytes(StandardCharsets.UTF_8), files.get("app.js"));
    }

    private HttpResponse<String> get(String path) {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase();
    }

    private static String string(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value == null ? null : value.getAsString().value();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = QueryPage.class.getClassLoader().getResourceAsStream(QueryPage.RESOURCE_FOLDER + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String rawGet(String target) {
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": " + e.getMessage(), e);
        }
    }
}
