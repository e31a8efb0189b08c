package org.w3id.silkgraph.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The explorer's and the overview's files over plain HTTP: served next to the query page, ECharts
 * from its WebJar at {@value QueryPage#ECHARTS_PATH}, every file the pages load present, with the
 * same rules as the query page's (GET and HEAD only, content types, CSP, validators).
 */
class ExplorerPageTest {

    private static GraphServer server;
    private static String base;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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
    void servesEChartsFromItsWebJar() throws IOException {
        HttpResponse<byte[]> response = get(QueryPage.ECHARTS_PATH, Map.of());
        assertEquals(200, response.statusCode());
        assertEquals("text/javascript;charset=utf-8", contentType(response));
        byte[] expected;
        try (InputStream in = QueryPage.class.getClassLoader().getResourceAsStream(QueryPage.ECHARTS_RESOURCE)) {
            expected = in.readAllBytes();
        }
        assertArrayEquals(expected, response.body());
        assertTrue(new String(response.body(), 0, 2000, StandardCharsets.UTF_8).contains("Apache"), "the ECharts licence header");
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        for (String path : List.of("/lib/", "/lib/echarts.js", "/lib/echarts.min.js/x", "/webjars/echarts/5.3.1/dist/echarts.min.js",
                "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js"))
            assertEquals(404, get(path, Map.of()).statusCode(), path);
    }

    /** A browser that has the library revalidates it and gets a 304 with no body instead of 1 MB. */
    @Test
    void answersARevalidationWithNotModified() {
        for (String path : List.of(QueryPage.ECHARTS_PATH, "/explorer.js", "/explorer.html")) {
            HttpResponse<byte[]> first = get(path, Map.of());
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag for " + path));
            assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
            assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElse(""), path);
            HttpResponse<byte[]> again = get(path, Map.of("If-None-Match", etag));
            assertEquals(304, again.statusCode(), path);
            assertEquals(0, again.body().length, path);
            assertEquals(etag, again.headers().firstValue("ETag").orElse(""), path);
            assertEquals(304, get(path, Map.of("If-None-Match", "\"other\", W/" + etag)).statusCode(), "a weak match, " + path);
            assertEquals(200, get(path, Map.of("If-None-Match", "\"other\"")).statusCode(), path);
        }
    }

    @Test
    void servesThePagesWithTheirScriptsAndStyles() {
        for (String page : List.of("/explorer.html", "/overview.html")) {
            HttpResponse<byte[]> response = get(page, Map.of());
            assertEquals(200, response.statusCode(), page);
            assertEquals("text/html;charset=utf-8", contentType(response), page);
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("connect-src 'self'"), csp);
            assertFalse(csp.contains("unsafe"), "no unsafe-eval or unsafe-inline: " + csp);
            String html = new String(response.body(), StandardCharsets.UTF_8);
            assertFalse(html.contains("http://") || html.contains("https://") || html.contains("//cdn"),
                    page + " loads nothing from elsewhere");
            Matcher refs = Pattern.compile("(?:src|href)=\"([^\"#]+)\"").matcher(html);
            int count = 0;
            while (refs.find()) {
                String ref = refs.group(1);
                String path = ref.equals("./") ? "/" : "/" + ref;
                assertEquals(200, get(path, Map.of()).statusCode(), page + " refers to " + ref);
                count++;
            }
            assertTrue(count >= 6, page + " loads its files: " + count);
            assertTrue(html.contains("\"lib/echarts.min.js\""), page);
        }
        assertTrue(new String(get("/", Map.of()).body(), StandardCharsets.UTF_8).contains("href=\"explorer.html\""),
                "the query page links to the explorer");
    }

    @Test
    void onlyGetAndHead() {
        for (String path : List.of(QueryPage.ECHARTS_PATH, "/explorer.html", "/overview.js")) {
            HttpResponse<byte[]> post = send(HttpRequest.newBuilder(URI.create(base + path))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build());
            assertEquals(405, post.statusCode(), path);
            HttpResponse<byte[]> head = send(HttpRequest.newBuilder(URI.create(base + path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, head.statusCode(), path);
            assertEquals(0, head.body().length, path);
            assertEquals(String.valueOf(get(path, Map.of()).body().length), head.headers().firstValue("Content-Length").orElse(""));
        }
    }

    private static HttpResponse<byte[]> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase();
    }
}
