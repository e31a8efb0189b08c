package org.w3id.silkgraph.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.query.DatasetFactory;
import org.w3id.silkgraph.query.CannedQueries;
import org.w3id.silkgraph.query.CannedQuery;
import org.w3id.silkgraph.query.QueryRunner;
import org.w3id.silkgraph.query.ResultFormat;
import org.w3id.silkgraph.store.GraphStore;
import org.w3id.silkgraph.store.Store;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", description = "Run a SPARQL query file, or a canned query by name, against a dump or an endpoint.")
final class QueryCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true)
    Target target;

    static final class Target {
        @Option(names = "--endpoint", paramLabel = "URL", description = "A SPARQL endpoint, e.g. http://localhost:3030/kg/sparql.")
        String endpoint;

        @Option(names = "--data", paramLabel = "FILE", description = "A dump file (ttl, nt, trig, nq, jsonld); repeat for several.")
        List<Path> data;

        @Option(names = "--location", paramLabel = "DIR", description = "A TDB2 store (made by build --location).")
        Path location;
    }

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", converter = Converters.Result.class,
            description = "table, csv, tsv or json.")
    ResultFormat format;

    @Option(names = "--list", description = "List the canned queries with their descriptions.")
    boolean list;

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "A .rq file or the name of a canned query.")
    String query;

    @Override
    public Integer call() throws IOException {
        CannedQueries canned = CannedQueries.builtIn();
        if (list) {
            for (CannedQuery q : canned.all()) {
                System.out.printf("%-24s %s%n%-24s   %s%n", q.name(), q.title(), "", q.description().replaceAll("\\s+", " "));
            }
            return 0;
        }
        if (query == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "give a query file or name, or --list");
        }
        if (target == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "give --endpoint URL, --data FILE… or --location DIR");
        }
        String text;
        String source;
        Path file = Path.of(query);
        if (Files.isRegularFile(file)) {
            text = Files.readString(file);
            source = file.toString();
        } else {
            CannedQuery q = canned.find(query.replaceFirst("\\.rq$", "")).orElseThrow(() -> new NoSuchFileException(
                    query + ": no such query file or canned query (silkgraph query --list)"));
            text = q.text();
            source = q.fileName();
        }
        ResultFormat f = format;
        if (target.location != null && !Files.isDirectory(target.location.resolve("tdb2"))) {
            throw new NoSuchFileException(target.location + ": no store here (make one with build --location)");
        }
        QueryRunner runner = target.endpoint != null ? QueryRunner.remote(target.endpoint)
                : target.location != null ? QueryRunner.over(DatasetFactory.wrap(Store.open(target.location).dataset()))
                : QueryRunner.over(DatasetFactory.wrap(GraphStore.load(target.data)));
        OutputStream out = new BufferedOutputStream(System.out);
        runner.run(text, source, f, out);
        out.flush();
        return 0;
    }
}
