package org.w3id.silkgraph.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.w3id.silkgraph.GraphBuild;
import org.w3id.silkgraph.source.InputFormat;
import org.w3id.silkgraph.store.BulkLoad;
import org.w3id.silkgraph.store.DumpFormat;
import org.w3id.silkgraph.store.DumpWriter;
import org.w3id.silkgraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "build", description = "Extract the graph from news files and write it as an RDF dump.")
final class BuildCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "UTF-8 .txt files or folders of them; - for standard input.")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Dump file (format from its extension); standard output if neither this nor --location is given.")
    Path output;

    @Option(names = "--location", paramLabel = "DIR", description = "Add the documents to the TDB2 store in DIR (made if missing): new ones are added, changed ones replaced, unchanged ones left alone.")
    Path location;

    @Option(names = "--format", paramLabel = "FORMAT", converter = Converters.Dump.class,
            description = "ttl, nt, trig, nq or jsonld (default: from the file name, else ttl).")
    DumpFormat format;

    @Option(names = "--input-format", paramLabel = "KIND", defaultValue = "auto",
            description = "auto, text (one article per file), lines (one per line) or jsonl.")
    InputFormat inputFormat;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress or summary on standard error.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not " + threads);
        }
        DumpFormat f = format != null ? format
                : output != null && DumpFormat.byFileName(output.getFileName().toString()) != null
                ? DumpFormat.byFileName(output.getFileName().toString()) : DumpFormat.TURTLE;
        PrintStream err = System.err;
        long[] problems = {0};
        GraphBuild.Builder build = GraphBuild.create().inputs(inputs).countFirst(!quiet)
                .format(inputFormat)
                .onProblem(p -> {
                    problems[0]++;
                    err.println("silkgraph: " + p);
                });
        if (threads != null) {
            build.threads(threads);
        }
        Progress progress = new Progress(err, quiet);
        build.onProgress(progress::update);
        GraphBuild.Summary summary;
        int[] outcomes = new int[Store.Outcome.values().length];
        boolean bulk = location != null && BulkLoad.isEmptyStore(location);
        try (DumpWriter dump = output != null ? DumpWriter.toFile(output, f)
                : location == null ? DumpWriter.toStream(new BufferedOutputStream(System.out, 1 << 16), f) : null;
             BulkLoad.Session loading = bulk ? BulkLoad.session(location, null) : null;
             Store store = location != null && !bulk ? Store.open(location) : null;
             StoreBatches batches = store != null ? new StoreBatches(store, outcomes) : null) {
            summary = build.build().run(g -> {
                if (dump != null) {
                    dump.add(g.quads());
                }
                if (loading != null) {
                    loading.add(g.quads());
                }
                if (batches != null) {
                    batches.add(g);
                }
            });
            if (summary.documents() == 0) {
                err.println("silkgraph: no documents could be read; nothing written");
                return 1;
            }
            if (dump != null) {
                dump.finish();
            }
            if (loading != null) {
                loading.finish();
                outcomes[Store.Outcome.ADDED.ordinal()] = (int) summary.documents();
            }
        }
        if (location != null && !quiet) {
            err.printf("store %s: %d added, %d replaced, %d unchanged%s%n", location, outcomes[0], outcomes[1], outcomes[2],
                    bulk ? " (new store: bulk-loaded)" : "");
        }
        progress.done(summary, output);
        return problems[0] > 0 ? 1 : 0;
    }
}
