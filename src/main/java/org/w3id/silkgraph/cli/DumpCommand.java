package org.w3id.silkgraph.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.w3id.silkgraph.store.DumpFormat;
import org.w3id.silkgraph.store.DumpWriter;
import org.w3id.silkgraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dump", description = "Write the whole of a TDB2 store as an RDF dump.")
final class DumpCommand implements Callable<Integer> {
    @Option(names = "--location", required = true, paramLabel = "DIR", description = "The store (made by build --location).")
    Path location;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Dump file (format from its extension); standard output if omitted.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", converter = Converters.Dump.class,
            description = "ttl, nt, trig, nq or jsonld (default: from the file name, else nq).")
    DumpFormat format;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(location.resolve("tdb2"))) {
            System.err.println("silkgraph: " + location + ": no store here (make one with build --location)");
            return 1;
        }
        DumpFormat f = format != null ? format
                : output != null && DumpFormat.byFileName(output.getFileName().toString()) != null
                ? DumpFormat.byFileName(output.getFileName().toString()) : DumpFormat.NQUADS;
        try (Store store = Store.open(location);
             DumpWriter dump = output != null ? DumpWriter.toFile(output, f) : DumpWriter.toStream(new BufferedOutputStream(System.out, 1 << 16), f)) {
            store.forEachQuad(q -> dump.add(List.of(q)));
            dump.finish();
        }
        return 0;
    }
}
