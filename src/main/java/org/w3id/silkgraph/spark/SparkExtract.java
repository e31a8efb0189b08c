package org.w3id.silkgraph.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.spark.SerializableWritable;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.TaskCompletionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.silkgraph.DocumentGraph;
import org.w3id.silkgraph.SilkGraph;
import org.w3id.silkgraph.source.DocumentIds;
import org.w3id.silkgraph.source.InputFormat;
import org.w3id.silkgraph.source.InputProblem;
import org.w3id.silkgraph.source.SourceDocument;
import org.w3id.silkgraph.source.SourceReader;
import org.w3id.silkgraph.spark.InputFiles.InputFile;
import org.w3id.silkgraph.store.DumpFormat;
import org.w3id.silkgraph.store.DumpWriter;

import scala.Tuple2;

/**
 * The extraction as an Apache Spark job: the same documents as {@code silkgraph build} reads, through the same
 * {@link SilkGraph#extract}, written as N-Quads part files, so a run on a cluster and a run of the CLI on the same
 * input give the same quads.
 *
 * <pre>
 * spark-submit --class org.w3id.silkgraph.spark.SparkExtract target/silkgraph-spark.jar \
 *     [--input-format auto|text|lines|jsonl] [--partitions N] [--gzip] --output DIR INPUT…
 * </pre>
 *
 * <ol>
 * <li>The driver lists the input files ({@link InputFiles}).</li>
 * <li>Ids: one task per file reads its documents' ids; a document whose id an earlier document (in input order)
 * already has gets {@code ~2}, {@code ~3} … by {@link DocumentIds}, as in the CLI. Repeats are rare, so only they
 * travel back to the driver and out to the executors.</li>
 * <li>Documents: one task per file reads them again (a {@code .gz} file cannot be split, and one task per file keeps
 * line numbers exact), then they are spread over {@code --partitions} partitions.</li>
 * <li>Each partition runs {@link SilkGraph#extract} with the pipeline its executor JVM loaded once, writes each
 * document's quads as N-Quads lines, and logs its document and quad counts.</li>
 * </ol>
 * Bad records (not UTF-8, bad JSON, no text) and documents the extraction fails on are counted and reported at
 * the end; they never fail the job.
 */
public final class SparkExtract {
    private static final Logger LOG = LoggerFactory.getLogger(SparkExtract.class);
    /** Problems each task logs in full; the rest are only counted. */
    private static final int LOGGED_PER_TASK = 20;

    private SparkExtract() {
    }

    /** What the job is asked to do. */
    public record Options(List<String> inputs, String output, InputFormat format, int partitions, boolean gzip) {
        static final String USAGE = "usage: spark-submit --class " + SparkExtract.class.getName()
                + " silkgraph-spark.jar [--input-format auto|text|lines|jsonl] [--partitions N] [--gzip] --output DIR INPUT…";

        static Options parse(String... args) {
            List<String> inputs = new ArrayList<>();
            String output = null;
            InputFormat format = InputFormat.AUTO;
            int partitions = 0;
            boolean gzip = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--output", "-o" -> output = value(args, ++i);
                    case "--input-format" -> format = InputFormat.valueOf(value(args, ++i).toUpperCase(Locale.ROOT));
                    case "--partitions" -> partitions = Integer.parseInt(value(args, ++i));
                    case "--gzip" -> gzip = true;
                    default -> {
                        if (args[i].startsWith("-") && !args[i].equals("-")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        inputs.add(args[i]);
                    }
                }
            }
            if (output == null || inputs.isEmpty()) {
                throw new IllegalArgumentException("--output DIR and at least one INPUT are required");
            }
            return new Options(inputs, output, format, partitions, gzip);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }

    /**
     * What a run did.
     *
     * @param problems   bad inputs and bad records (skipped), and documents the extraction failed on
     * @param partitions one line per partition: its documents, quads and time
     */
    public record Summary(long documents, long quads, long problems, List<String> problemSamples, List<String> partitions,
                          double seconds) {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("silkgraph-spark: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        Summary summary;
        try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setAppName("silkgraph extract"))) {
            summary = run(sc, options);
        } catch (RuntimeException e) { // e.g. the output folder exists already
            String m = String.valueOf(e.getMessage());
            System.err.println("silkgraph-spark: " + (m.contains("\n") ? m.substring(0, m.indexOf('\n')) : m));
            System.exit(1);
            return;
        }
        report(summary, options, System.err);
        System.exit(summary.documents() == 0 ? 1 : 0);
    }

    /** Runs the job on a Spark context (a cluster's, or a local one in tests). */
    public static Summary run(JavaSparkContext sc, Options options) {
        long t0 = System.nanoTime();
        Counters counters = new Counters(sc);
        List<InputFile> files = InputFiles.list(options.inputs(), options.format(), sc.hadoopConfiguration(), p -> {
            counters.problems.add(1);
            counters.problemSamples.add(p.toString());
        });
        Broadcast<SerializableWritable<Configuration>> conf = sc.broadcast(new SerializableWritable<>(sc.hadoopConfiguration()));
        JavaRDD<InputFile> fileRdd = sc.parallelize(files, Math.max(1, files.size()));

        // ids: only documents that repeat an earlier document's id get another one, as the CLI numbers them
        Map<DocKey, String> repeats = idsCannotRepeat(files, options.format()) ? Map.of() : new HashMap<>(fileRdd
                .flatMapToPair(f -> documents(f, conf.value().value(), p -> { })
                        .map(d -> new Tuple2<>(DocumentIds.family(d.doc().id()), new Tuple2<>(d.key(), d.doc().id())))
                        .iterator())
                .groupByKey()
                .flatMapToPair(SparkExtract::numberRepeats)
                .collectAsMap());
        Broadcast<Map<DocKey, String>> renamed = sc.broadcast(repeats);

        int partitions = options.partitions() > 0 ? options.partitions() : sc.defaultParallelism() * 4;
        JavaRDD<String> nquads = fileRdd
                .flatMap(f -> documents(f, conf.value().value(), counters.problemSink()).map(d -> Doc.of(d, renamed.value())).iterator())
                .repartition(partitions)
                .mapPartitionsWithIndex((i, docs) -> new PartitionExtraction(i, docs, counters), true);
        if (options.gzip()) {
            nquads.saveAsTextFile(options.output(), GzipCodec.class);
        } else {
            nquads.saveAsTextFile(options.output());
        }
        List<String> perPartition = new ArrayList<>(counters.partitions.value());
        perPartition.sort(Comparator.comparingInt(SparkExtract::partitionNumber));
        return new Summary(counters.documents.value(), counters.quads.value(), counters.problems.value(),
                List.copyOf(counters.problemSamples.value()), perPartition, (System.nanoTime() - t0) / 1e9);
    }

    static void report(Summary s, Options options, PrintStream err) {
        s.partitions().forEach(p -> err.println("silkgraph-spark: " + p));
        s.problemSamples().stream().limit(LOGGED_PER_TASK).forEach(p -> err.println("silkgraph-spark: skipped " + p));
        err.printf(Locale.ROOT, "silkgraph-spark: %,d documents, %,d quads, %,d problems (skipped), %d partitions in %.1f s -> %s%n",
                s.documents(), s.quads(), s.problems(), s.partitions().size(), s.seconds(), options.output());
    }

    /** A document's place in the input: file, then order within the file. */
    record DocKey(int file, long ordinal) implements Serializable, Comparable<DocKey> {
        @Override
        public int compareTo(DocKey o) {
            return file != o.file ? Integer.compare(file, o.file) : Long.compare(ordinal, o.ordinal);
        }
    }

    /** A document as read, with its place. */
    private record Placed(DocKey key, SourceDocument doc) {
    }

    /** The documents of one file, numbered in order; the stream is closed when the task ends. */
    private static Stream<Placed> documents(InputFile file, Configuration conf, Consumer<InputProblem> problems) {
        Stream<SourceDocument> docs = InputFiles.documents(file, conf, problems);
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) context -> docs.close());
        }
        long[] ordinal = {0};
        return docs.map(d -> new Placed(new DocKey(file.index(), ordinal[0]++), d));
    }

    /**
     * Whether the pass over the ids can be skipped: one-document-per-line files whose names differ once their
     * extensions are off give ids {@code <stem>-<line>} that cannot meet (a corpus of line files, the usual case).
     */
    static boolean idsCannotRepeat(List<InputFile> files, InputFormat format) {
        Set<String> stems = new HashSet<>();
        for (InputFile f : files) {
            String name = f.origin().substring(f.origin().lastIndexOf('/') + 1);
            if (!stems.add(SourceReader.stem(name))) {
                return false;
            }
        }
        return format == InputFormat.LINES;
    }

    /**
     * For the documents of one id family ({@link DocumentIds#family}: only those ids can meet): the new ids of those
     * that repeat an earlier one's, numbered in input order as the CLI numbers them.
     */
    private static Iterator<Tuple2<DocKey, String>> numberRepeats(Tuple2<String, Iterable<Tuple2<DocKey, String>>> family) {
        List<Tuple2<DocKey, String>> docs = new ArrayList<>();
        family._2().forEach(docs::add);
        if (docs.size() == 1) {
            return Collections.emptyIterator();
        }
        docs.sort(Comparator.comparing(Tuple2::_1));
        DocumentIds ids = new DocumentIds();
        List<Tuple2<DocKey, String>> out = new ArrayList<>();
        for (Tuple2<DocKey, String> d : docs) {
            String id = ids.next(d._2());
            if (!id.equals(d._2())) {
                out.add(new Tuple2<>(d._1(), id));
            }
        }
        return out.iterator();
    }

    /** A source document on its way to an executor (SourceDocument itself is not Serializable). */
    record Doc(String id, String origin, String text, LocalDate date, String title) implements Serializable {
        static Doc of(Placed p, Map<DocKey, String> renamed) {
            SourceDocument d = p.doc();
            return new Doc(renamed.getOrDefault(p.key(), d.id()), d.origin(), d.text(), d.date(), d.title());
        }

        SourceDocument source() {
            return new SourceDocument(id, origin, text, date, title);
        }
    }

    /** Counted across the cluster, reported by the driver. */
    private static final class Counters implements Serializable {
        final LongAccumulator documents;
        final LongAccumulator quads;
        final LongAccumulator problems;
        final CollectionAccumulator<String> problemSamples;
        final CollectionAccumulator<String> partitions;

        Counters(JavaSparkContext sc) {
            documents = sc.sc().longAccumulator("documents");
            quads = sc.sc().longAccumulator("quads");
            problems = sc.sc().longAccumulator("problems");
            problemSamples = sc.sc().collectionAccumulator("problem samples");
            partitions = sc.sc().collectionAccumulator("partitions");
        }

        /** Counts a task's problems; logs and samples the first few. */
        Consumer<InputProblem> problemSink() {
            int[] logged = {0};
            return p -> {
                problems.add(1);
                if (logged[0]++ < LOGGED_PER_TASK) {
                    LOG.warn("skipped {}", p);
                    problemSamples.add(p.toString());
                }
            };
        }
    }

    /** The extraction of one partition, a document at a time; logs the partition's counts when done. */
    private static final class PartitionExtraction implements Iterator<String> {
        private final int partition;
        private final Iterator<Doc> docs;
        private final Counters counters;
        private final Consumer<InputProblem> failures;
        private final long t0 = System.nanoTime();
        private long documents;
        private long quads;
        private String next;
        private boolean done;

        PartitionExtraction(int partition, Iterator<Doc> docs, Counters counters) {
            this.partition = partition;
            this.docs = docs;
            this.counters = counters;
            this.failures = counters.problemSink();
        }

        @Override
        public boolean hasNext() {
            while (next == null && docs.hasNext()) {
                Doc d = docs.next();
                try {
                    DocumentGraph g = Pipeline.get().extract(d.source());
                    next = nquads(g);
                    documents++;
                    quads += g.quads().size();
                } catch (RuntimeException | StackOverflowError e) {
                    failures.accept(new InputProblem(d.origin(), "extraction failed: " + e));
                }
            }
            if (next == null && !done) {
                done = true;
                counters.documents.add(documents);
                counters.quads.add(quads);
                String line = String.format(Locale.ROOT, "partition %d: %,d documents, %,d quads in %.1f s",
                        partition, documents, quads, (System.nanoTime() - t0) / 1e9);
                counters.partitions.add(line);
                LOG.info(line);
            }
            return next != null;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String s = next;
            next = null;
            return s;
        }
    }

    /** A document's quads as N-Quads lines, written by the CLI's own dump writer (no final newline: Spark adds it). */
    static String nquads(DocumentGraph g) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(g.quads().size() * 200);
        try {
            DumpWriter w = DumpWriter.toStream(out, DumpFormat.NQUADS);
            w.add(g.quads());
            w.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String s = out.toString(StandardCharsets.UTF_8);
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static int partitionNumber(String line) {
        return Integer.parseInt(line.substring("partition ".length(), line.indexOf(':')));
    }

    /** The pipeline, loaded once per executor JVM (HanLP's dictionaries and the gazetteers) on first use. */
    static final class Pipeline {
        private Pipeline() {
        }

        private static final class Holder {
            static final SilkGraph INSTANCE = load();

            private static SilkGraph load() {
                long t0 = System.nanoTime();
                SilkGraph g = SilkGraph.standard();
                LOG.info(String.format(Locale.ROOT, "pipeline (HanLP, gazetteers) loaded in %.1f s", (System.nanoTime() - t0) / 1e9));
                return g;
            }
        }

        static SilkGraph get() {
            return Holder.INSTANCE;
        }
    }
}
