package org.w3id.silkgraph.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.w3id.silkgraph.query.CannedQueries;
import org.w3id.silkgraph.query.CannedQuery;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A bounded load test of a SPARQL endpoint: N clients send a query back to back for a fixed time; reports
 * queries per second, median and 99th-percentile latency, and every answer that was not a 200 with rows.
 */
@Command(name = "loadtest", description = "Load a SPARQL endpoint with concurrent clients for a fixed time; report queries/s and p50/p99 latency.")
final class LoadTestCommand implements Callable<Integer> {
    private static final String SIMPLE = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10";

    @Option(names = "--endpoint", defaultValue = "http://localhost:3030/kg/sparql", paramLabel = "URL", description = "Default http://localhost:3030/kg/sparql.")
    String endpoint;

    @Option(names = "--clients", defaultValue = "8", paramLabel = "N", description = "Concurrent clients (default 8).")
    int clients;

    @Option(names = "--seconds", defaultValue = "20", paramLabel = "S", description = "Seconds per query (default 20; at most 60).")
    int seconds;

    @Option(names = "--query", defaultValue = "events", paramLabel = "NAME",
            description = "The canned query to load with besides a simple one (default events); all = every canned query in turn.")
    String canned;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || seconds > 60 || clients < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--seconds must be 1..60 and --clients at least 1");
        }
        List<CannedQuery> queries = canned.equals("all") ? CannedQueries.builtIn().all()
                : List.of(CannedQueries.builtIn().find(canned)
                        .orElseThrow(() -> new IllegalArgumentException(canned + ": no such canned query")));
        System.out.printf(Locale.ROOT, "%-24s %8s %10s %9s %9s %7s%n", "query", "clients", "queries/s", "p50 ms", "p99 ms", "errors");
        boolean ok = run("simple (LIMIT 10)", SIMPLE);
        for (CannedQuery q : queries) {
            ok &= run(q.name(), q.text());
        }
        return ok ? 0 : 1;
    }

    private boolean run(String name, String query) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String body = "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "application/sparql-results+json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200 || !r.body().contains("\"bindings\"")) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - t0);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
        System.out.printf(Locale.ROOT, "%-24s %8d %10.0f %9.1f %9.1f %7d%n", name, clients, sorted.size() / (double) seconds, p50, p99, errors.get());
        System.out.flush();
        return errors.get() == 0 && !sorted.isEmpty();
    }
}
