package org.w3id.silkgraph.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.engine.binding.Binding;

/** A plain HTTP client for the SPARQL protocol, as a browser or curl would talk to the server. */
public final class SparqlHttp {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET {@code url?query=…&extra}; {@code headers} are name, value pairs. */
    public HttpResponse<String> get(String endpoint, String query, String extra, String... headers) {
        String url = endpoint + "?query=" + encode(query) + (extra.isEmpty() ? "" : "&" + extra);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2)
            request.header(headers[i], headers[i + 1]);
        return send(request.build());
    }

    public HttpResponse<String> post(String url, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** Runs a SELECT over HTTP and reads the SPARQL JSON results: one map per row, variable to lexical form or IRI. */
    public List<Map<String, String>> select(String endpoint, String query) {
        HttpResponse<String> response = get(endpoint, query, "", "Accept", "application/sparql-results+json");
        if (response.statusCode() != 200)
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        ResultSet results = ResultSetMgr.read(
                new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        List<Map<String, String>> rows = new ArrayList<>();
        while (results.hasNext()) {
            Binding binding = results.nextBinding();
            Map<String, String> row = new LinkedHashMap<>();
            for (String variable : results.getResultVars()) {
                Node value = binding.get(variable);
                if (value != null)
                    row.put(variable, value.isLiteral() ? value.getLiteralLexicalForm()
                            : value.isURI() ? value.getURI() : value.toString());
            }
            rows.add(row);
        }
        return rows;
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
