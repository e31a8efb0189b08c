package org.w3id.silkgraph.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.w3id.silkgraph.GraphBuild;
import org.w3id.silkgraph.server.GraphServer;
import org.w3id.silkgraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Extract the graph from news files and serve it over SPARQL until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--input", arity = "1..*", paramLabel = "PATH", defaultValue = "seeds",
            description = "Files or folders of news to serve (default: seeds).")
    List<String> inputs;

    @Option(names = "--port", defaultValue = "3030", description = "Port (default 3030).")
    int port;

    @Option(names = "--bind", defaultValue = "localhost", description = "Address to listen on (default localhost).")
    String bind;

    @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS", description = "Query timeout (default 10 s).")
    int timeoutSeconds;

    @Option(names = "--config", paramLabel = "FILE", description = "Start from a Fuseki assembler configuration instead.")
    Path config;

    @Option(names = "--location", paramLabel = "DIR", description = "Serve the TDB2 store in DIR (made by build --location) instead of extracting.")
    Path location;

    @Option(names = "--verbose", description = "Log every request.")
    boolean verbose;

    @Option(names = "--allow-updates", description = "Also offer SPARQL Update and Graph Store writes, on the separate service /kg-update (never on /kg).")
    boolean updates;

    @Override
    public Integer call() throws InterruptedException {
        GraphServer.Builder server = GraphServer.create().port(port).bind(bind)
                .timeout(Duration.ofSeconds(timeoutSeconds)).verbose(verbose).updates(updates);
        if (config != null) {
            server.config(config);
        } else if (location != null) {
            if (!java.nio.file.Files.isDirectory(location.resolve("tdb2"))) {
                System.err.println("silkgraph: " + location + ": no store here (make one with build --location)");
                return 1;
            }
            Store store = Store.open(location);
            System.err.printf(Locale.ROOT, "store %s: %,d documents%n", location, store.documents());
            server.dataset(store.dataset());
        } else {
            Store store = Store.inMemory();
            long[] problems = {0};
            GraphBuild.Summary s = GraphBuild.create().inputs(inputs)
                    .onProblem(p -> {
                        problems[0]++;
                        System.err.println("silkgraph: " + p);
                    })
                    .build().run(store::put);
            if (s.documents() == 0) {
                System.err.println("silkgraph: no documents could be read; nothing to serve");
                return 1;
            }
            System.err.printf(Locale.ROOT, "%,d documents, %,d entities, %,d facts, %,d triples in %.1f s%n",
                    s.documents(), s.entities(), s.facts(), s.quads(), s.seconds());
            server.dataset(store.dataset());
        }
        GraphServer running = server.build().start();
        System.err.println("SPARQL endpoint: " + running.endpoint() + "   query page: " + running.pageUrl() + "   (Ctrl-C stops)");
        if (updates) {
            System.err.println("updates enabled at " + running.pageUrl().replaceFirst("/$", "") + "/kg-update/update"
                    + (bind.equals("localhost") || bind.startsWith("127.") ? "" : "   WARNING: not bound to localhost"));
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.stop();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}
