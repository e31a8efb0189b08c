package org.w3id.silkgraph.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.silkgraph.DocumentGraph;
import org.w3id.silkgraph.GraphBuild;
import org.w3id.silkgraph.SilkGraph;
import org.w3id.silkgraph.nlp.ChineseScript;
import org.w3id.silkgraph.nlp.Segmenter;
import org.w3id.silkgraph.source.InputFormat;
import org.w3id.silkgraph.source.SourceDocument;
import org.w3id.silkgraph.source.SourceReader;
import org.w3id.silkgraph.store.BulkLoad;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Measures, on the same text: bare HanLP NER segmentation (the floor any extractor built on it pays) against the
 * whole per-document pipeline on one thread, the pipeline on N threads against one, the peak and live heap, and
 * the TDB2 load rate; for each corpus size given, to show how cost grows. Results go to standard output as a table.
 */
@Command(name = "bench", description = "Measure extraction speed against bare HanLP, thread scaling, heap and TDB2 load rate.")
final class BenchCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Corpus files or folders (as for build).")
    List<String> inputs;

    @Option(names = "--input-format", defaultValue = "auto", paramLabel = "KIND", description = "auto, text, lines or jsonl.")
    InputFormat inputFormat;

    @Option(names = "--sizes", defaultValue = "1000,10000,all", split = ",", paramLabel = "N",
            description = "Numbers of documents to measure on (all = the whole input). Default 1000,10000,all.")
    List<String> sizes;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the parallel run (default: all cores).")
    Integer threads;

    @Option(names = "--no-store", description = "Skip the TDB2 load measurement.")
    boolean noStore;

    @Option(names = "--repeat", defaultValue = "2", paramLabel = "R",
            description = "Time the one- and N-thread builds R times each (more for a small corpus, until 10,000 documents), alternating, and compare their total times (default 2): this shared machine's speed drifts, and alternating lets both meet its moods.")
    int repeat;

    @Option(names = "--warm-up", defaultValue = "10000", paramLabel = "N",
            description = "Documents through each path before anything is measured (default 10000).")
    int warmUpDocuments;

    /**
     * Documents measured at least, for each path and thread count: a smaller corpus is measured again until this many
     * went through. One pass over 1,000 stories is a second of work per path, shorter than this host's moods last
     * (its ratio read 0.65 to 0.81 in one JVM, its two-thread speed-up 1.45 to 2.0).
     */
    private static final int MEASURED = 10_000;

    /** Documents per turn of the paired measurement: long enough to time, short enough to share the machine's moods. */
    private static final int TURN = 480;

    @Override
    public Integer call() throws IOException {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        PrintStream out = System.out;
        Segmenter.warmUp();
        warmUp(n);
        out.printf(Locale.ROOT, "%-8s %10s %12s %12s %7s %12s %8s %10s %10s %11s %12s%n", "docs", "chars", "bare NER c/s",
                "pipeline c/s", "ratio", "pipeline×" + n, "speedup", "peak heap", "live heap", "TDB2 docs/s", "TDB2 quads/s");
        for (String size : sizes) {
            long limit = size.equalsIgnoreCase("all") ? Long.MAX_VALUE : Long.parseLong(size.strip());
            HeapWatch heap = new HeapWatch();
            Paired perThread = paired(limit);
            long documents = perThread.pipeline.documents;
            long chars = perThread.pipeline.chars;
            int passes = (int) Math.max(1, (MEASURED + documents - 1) / Math.max(1, documents));
            for (int p = 1; p < passes; p++) {
                perThread = perThread.plus(paired(limit));
            }
            Measure one = null;
            Measure many = null;
            for (int r = 0; r < Math.max(Math.max(1, repeat), passes); r++) {
                one = Measure.sum(one, pipeline(limit, 1, g -> { }));
                many = Measure.sum(many, pipeline(limit, n, g -> { }));
            }
            Measure load = null;
            if (!noStore) {
                // as build --location loads a new store: streamed into TDB2's bulk loader, then the label index
                Path dir = Files.createTempDirectory("silkgraph-bench");
                try (BulkLoad.Session session = BulkLoad.session(dir, null)) {
                    heap.measureLive(true);
                    long t0 = System.nanoTime();
                    Measure extracted = pipeline(limit, n, g -> session.add(g.quads()));
                    session.finish();
                    load = new Measure(extracted.documents, extracted.chars, extracted.quads, (System.nanoTime() - t0) / 1e9);
                } finally {
                    heap.measureLive(false);
                    // TDB2 keeps a store's caches for the life of the JVM unless told to let go
                    TDBInternal.expel(DatabaseMgr.connectDatasetGraph(dir.resolve("tdb2").toString()));
                    deleteTree(dir);
                }
            }
            heap.stop();
            out.printf(Locale.ROOT, "%-8d %10d %12.0f %12.0f %7.2f %12.0f %8.2f %7d MB %10s %11s %12s%n",
                    documents, chars, perThread.bare.charsPerSecond(), perThread.pipeline.charsPerSecond(),
                    perThread.pipeline.charsPerSecond() / perThread.bare.charsPerSecond(),
                    many.charsPerSecond(), many.charsPerSecond() / one.charsPerSecond(), heap.peakUsed >> 20,
                    load == null ? "-" : (heap.peakLive >> 20) + " MB",
                    load == null ? "-" : String.format(Locale.ROOT, "%.0f", load.documents / load.seconds),
                    load == null ? "-" : String.format(Locale.ROOT, "%.0f", load.quads / load.seconds));
            out.flush();
        }
        return 0;
    }

    private record Measure(long documents, long chars, long quads, double seconds) {
        double charsPerSecond() {
            return chars / seconds;
        }

        /** Two runs as one: their documents, characters, quads and seconds added up. */
        static Measure sum(Measure a, Measure b) {
            return a == null ? b
                    : new Measure(a.documents + b.documents, a.chars + b.chars, a.quads + b.quads, a.seconds + b.seconds);
        }
    }

    /** Bare HanLP and the pipeline, each on one thread over the same documents. */
    private record Paired(Measure bare, Measure pipeline) {
        Paired plus(Paired o) {
            return new Paired(Measure.sum(bare, o.bare), Measure.sum(pipeline, o.pipeline));
        }
    }

    /**
     * Bare HanLP and the whole pipeline take turns over the same documents, {@value #TURN} at a time, each going
     * first every other turn: the speed of this shared machine drifts by a third within minutes, and two long runs
     * one after the other compared its moods more than the two paths.
     */
    private Paired paired(long limit) {
        SilkGraph pipeline = SilkGraph.standard();
        long docs = 0;
        long chars = 0;
        long bareNanos = 0;
        long pipelineNanos = 0;
        long quads = 0;
        List<SourceDocument> turn = new ArrayList<>(TURN);
        try (Stream<SourceDocument> stream = read(limit)) {
            Iterator<SourceDocument> it = stream.iterator();
            for (boolean bareFirst = true; it.hasNext(); bareFirst = !bareFirst) {
                turn.clear();
                while (it.hasNext() && turn.size() < TURN) {
                    SourceDocument d = it.next();
                    turn.add(d);
                    chars += d.text().length();
                }
                docs += turn.size();
                if (bareFirst) {
                    bareNanos += bareNer(turn);
                }
                long t0 = System.nanoTime();
                for (Iterator<SourceDocument> t = turn.iterator(); t.hasNext(); ) {
                    for (DocumentGraph g : pipeline.extract(GraphBuild.nextBatch(t))) {
                        quads += g.quads().size();
                    }
                }
                pipelineNanos += System.nanoTime() - t0;
                if (!bareFirst) {
                    bareNanos += bareNer(turn);
                }
            }
        }
        return new Paired(new Measure(docs, chars, 0, bareNanos / 1e9), new Measure(docs, chars, quads, pipelineNanos / 1e9));
    }

    /** HanLP alone: simplify and segment with name, place and organization recognition, sentence by sentence; nanoseconds. */
    private static long bareNer(List<SourceDocument> documents) {
        long t0 = System.nanoTime();
        for (SourceDocument d : documents) {
            String text = ChineseScript.toSimplified(d.text());
            for (String sentence : text.split("(?<=[。！？!?\\n])")) {
                if (!sentence.isBlank()) {
                    Segmenter.tokens(sentence);
                }
            }
        }
        return System.nanoTime() - t0;
    }

    private Measure pipeline(long limit, int threads, Consumer<DocumentGraph> sink) {
        AtomicLong chars = new AtomicLong();
        GraphBuild.Summary s = GraphBuild.create().inputs(inputs).format(inputFormat).threads(threads).limit(limit)
                .build().run(g -> {
                    chars.addAndGet(g.characters());
                    sink.accept(g);
                });
        return new Measure(s.documents(), chars.get(), s.quads(), s.seconds());
    }

    private Stream<SourceDocument> read(long limit) {
        return SourceReader.create().inputs(inputs).format(inputFormat).build().documents().limit(limit);
    }

    /**
     * Documents through each path first, {@link #warmUpDocuments} of them: both run several times faster once the JIT has
     * compiled them. HanLP's code runs per character and word and is compiled within a few hundred documents; the
     * pipeline's per-document code (cleaning, linking, quads) is compiled only after several thousand, and ran at a
     * third of its final speed until then (linking and quads: 0.10 and 0.15× bare HanLP's time over a first pass of
     * 10,000 stories, 0.04 and 0.03× over the next). A warm-up of 2,000 measured the compiler into the 10,000-story
     * ratio, and its compiling on the second core into the two-thread speed-up of the rows after it.
     */
    private void warmUp(int threads) {
        paired(warmUpDocuments);
        pipeline(warmUpDocuments, 1, g -> { });
        pipeline(warmUpDocuments, threads, g -> { });
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * The most heap in use at any moment of a run (sampled every 50 ms): all of it, garbage included, which the
     * collector lets grow towards the maximum heap however little is live. And, while {@link #measureLive} is on,
     * the most heap live: what a full collection, forced every two seconds, leaves, as that collection reports it
     * (the heap's size read after it counts what the other threads allocated meanwhile, and a collection the JVM
     * skips, as it must while native code holds an array, would count every piece of garbage). The forced
     * collections cost the run they measure a few per cent.
     */
    private static final class HeapWatch {
        private static final int LIVE_EVERY = 40; // samples of 50 ms
        private final Thread thread;
        /** The collector of full collections, when the JVM says which it is; else the heap is read after System.gc(). */
        private final com.sun.management.GarbageCollectorMXBean full = fullCollector();
        private volatile boolean running = true;
        private volatile boolean live;
        private volatile long peakUsed;
        private volatile long peakLive;

        HeapWatch() {
            System.gc(); // start from what is live, not from the previous run's garbage
            thread = new Thread(() -> {
                for (int i = 1; running; i++) {
                    peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    if (live && i % LIVE_EVERY == 0) {
                        peakLive = Math.max(peakLive, liveNow());
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            thread.setDaemon(true);
            thread.start();
        }

        /** The heap a full collection leaves; 0 when the JVM skipped the collection. */
        private long liveNow() {
            if (full == null) {
                System.gc();
                return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            }
            long before = full.getCollectionCount();
            System.gc();
            com.sun.management.GcInfo gc = full.getLastGcInfo();
            if (full.getCollectionCount() == before || gc == null) {
                return 0;
            }
            long used = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage after = pool.getType() == MemoryType.HEAP ? gc.getMemoryUsageAfterGc().get(pool.getName()) : null;
                used += after == null ? 0 : after.getUsed();
            }
            return used;
        }

        /** G1's, Parallel's or Serial's collector of the whole heap. */
        private static com.sun.management.GarbageCollectorMXBean fullCollector() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof com.sun.management.GarbageCollectorMXBean bean
                        && (gc.getName().contains("Old") || gc.getName().contains("MarkSweep"))) {
                    return bean;
                }
            }
            return null;
        }

        void measureLive(boolean on) {
            live = on;
        }

        void stop() {
            running = false;
            thread.interrupt();
        }
    }
}
