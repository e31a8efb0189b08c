package org.w3id.silkgraph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.jena.riot.RiotException;
import org.w3id.silkgraph.store.BulkLoad;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "load", description = "Bulk-load N-Quads (the Spark job's part files) or TriG dumps into a TDB2 store, then index its labels.")
final class LoadCommand implements Callable<Integer> {
    @Option(names = "--location", required = true, paramLabel = "DIR", description = "The store (made if missing); serve it with serve --location DIR.")
    Path location;

    @Parameters(arity = "1..*", paramLabel = "PARTS", description = "N-Quads or TriG files (.gz too), or folders of Spark part files.")
    List<Path> parts;

    @Option(names = {"-q", "--quiet"}, description = "No progress on standard error.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        for (Path p : parts) {
            if (!Files.exists(p)) {
                System.err.println("silkgraph: " + p + ": no such file or folder");
                return 1;
            }
        }
        List<Path> files = BulkLoad.files(parts);
        if (files.isEmpty()) {
            System.err.println("silkgraph: no part files (part-*, *.nq, *.trig) in " + parts);
            return 1;
        }
        BulkLoad.Summary s;
        try {
            s = BulkLoad.load(location, files, quiet ? null : (fmt, args) -> System.err.println(String.format(Locale.ROOT, fmt, args)));
        } catch (IllegalArgumentException | RiotException e) {
            System.err.println("silkgraph: " + Main.oneLine(e));
            return 1;
        }
        if (!quiet) {
            System.err.printf(Locale.ROOT, "store %s: %,d quads from %,d files, %,d labels indexed, in %.1f s%n",
                    location, s.quads(), s.files(), s.labels(), s.seconds());
        }
        return 0;
    }
}
