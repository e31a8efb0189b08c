package org.w3id.silkgraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.w3id.silkgraph.data.Hashes;
import org.w3id.silkgraph.data.LongSet;
import org.w3id.silkgraph.source.InputFormat;
import org.w3id.silkgraph.source.InputProblem;
import org.w3id.silkgraph.source.SourceDocument;
import org.w3id.silkgraph.source.SourceReader;

/**
 * Runs the per-document pipeline over inputs, on several threads, and hands each document's graph to a sink in
 * input order, so the output does not depend on the number of threads. Documents stream through: at most two
 * batches of {@value #BATCH_CHARACTERS} characters per thread are held at once.
 *
 * <pre>
 * GraphBuild.create().inputs(List.of("seeds/")).threads(2).onProblem(System.err::println).build().run(sink)
 * </pre>
 */
public final class GraphBuild {
    /**
     * Characters of text per task (about 100 one-line news stories): HanLP segments a task's documents one after the
     * other before they are analysed (see {@link SilkGraph#extract(List)}).
     */
    public static final int BATCH_CHARACTERS = 48_000;

    private final List<String> inputs;
    private final InputFormat format;
    private final int threads;
    private final Consumer<InputProblem> problems;
    private final Consumer<Summary> progress;
    private final long limit;
    private final boolean countFirst;

    private GraphBuild(Builder b) {
        this.inputs = List.copyOf(b.inputs);
        this.format = b.format;
        this.threads = b.threads;
        this.problems = b.problems;
        this.progress = b.progress;
        this.limit = b.limit;
        this.countFirst = b.countFirst;
    }

    public static Builder create() {
        return new Builder();
    }

    /**
     * What a build did.
     *
     * @param expected documents the inputs hold, when known before the build (for an estimate of time left), else -1
     */
    public record Summary(long documents, long problems, long entities, long facts, long quads, double seconds, long expected) {
        /** Seconds left at the current rate, or -1 when unknown. */
        public double secondsLeft() {
            if (expected <= 0 || documents == 0) {
                return -1;
            }
            return Math.max(0, expected - documents) * seconds / documents;
        }
    }

    public Summary run(Consumer<DocumentGraph> sink) {
        long t0 = System.nanoTime();
        long expected = countFirst ? Math.min(limit, SourceReader.create().inputs(inputs).format(format).build().countDocuments()) : -1;
        SilkGraph pipeline = SilkGraph.standard();
        long[] problemCount = {0};
        Consumer<InputProblem> countingProblems = p -> {
            problemCount[0]++;
            problems.accept(p);
        };
        Counter counter = new Counter(expected);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "silkgraph-extract");
            t.setDaemon(true);
            return t;
        });
        try (Stream<SourceDocument> docs = SourceReader.create().inputs(inputs).format(format)
                .onProblem(countingProblems).build().documents()) {
            Deque<Pending> window = new ArrayDeque<>();
            Iterator<SourceDocument> it = docs.limit(limit).iterator();
            while (it.hasNext()) {
                List<SourceDocument> batch = nextBatch(it);
                window.add(new Pending(batch, pool.submit(() -> pipeline.extract(batch))));
                if (window.size() >= threads * 2) {
                    deliver(window.poll(), pipeline, sink, counter, countingProblems);
                    progress.accept(counter.summary(problemCount[0], t0));
                }
            }
            while (!window.isEmpty()) {
                deliver(window.poll(), pipeline, sink, counter, countingProblems);
                progress.accept(counter.summary(problemCount[0], t0));
            }
        } finally {
            pool.shutdownNow();
        }
        return counter.summary(problemCount[0], t0);
    }

    /** The next documents for one task: {@value #BATCH_CHARACTERS} characters of text, or what is left. */
    public static List<SourceDocument> nextBatch(Iterator<SourceDocument> documents) {
        List<SourceDocument> batch = new ArrayList<>();
        for (long chars = 0; documents.hasNext() && chars < BATCH_CHARACTERS; ) {
            SourceDocument d = documents.next();
            batch.add(d);
            chars += d.text().length();
        }
        return batch;
    }

    /** Documents on their way through the pipeline, in input order. */
    private record Pending(List<SourceDocument> documents, Future<List<DocumentGraph>> graphs) {
    }

    /**
     * Hands the documents' graphs on in input order. A document the pipeline fails on is reported like a bad
     * input, with where it came from, and the build goes on: one odd page must not lose a corpus. (The batch it
     * failed in is done again document by document, so that only the odd page is lost.)
     */
    private static void deliver(Pending p, SilkGraph pipeline, Consumer<DocumentGraph> sink, Counter counter,
                                Consumer<InputProblem> problems) {
        List<DocumentGraph> graphs;
        try {
            graphs = p.graphs().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException batchFailed) {
            graphs = new ArrayList<>(p.documents().size());
            for (SourceDocument d : p.documents()) {
                try {
                    graphs.add(pipeline.extract(d));
                } catch (RuntimeException e) {
                    problems.accept(new InputProblem(d.origin(), "extraction failed: " + e));
                }
            }
        }
        for (DocumentGraph g : graphs) {
            sink.accept(g);
            counter.add(g);
        }
    }

    /** Totals over the documents seen; entities counted once across documents. */
    private static final class Counter {
        // 64-bit hashes of entity IRIs in one array, not the IRIs: a corpus has hundreds of thousands
        private final LongSet entities = new LongSet();
        private final long expected;
        private long documents;
        private long facts;
        private long quads;

        Counter(long expected) {
            this.expected = expected;
        }

        void add(DocumentGraph g) {
            documents++;
            facts += g.facts();
            quads += g.quads().size();
            for (Quad q : g.quads()) {
                if (q.getPredicate().equals(RDF.type.asNode()) && q.getObject().getURI().startsWith("https://w3id.org/silkgraph/ontology#")
                        && !q.getSubject().getURI().contains("/doc/")) {
                    entities.add(Hashes.fnv64(q.getSubject().getURI()));
                }
            }
        }

        Summary summary(long problems, long t0) {
            return new Summary(documents, problems, entities.size(), facts, quads, (System.nanoTime() - t0) / 1e9, expected);
        }
    }

    public static final class Builder {
        private List<String> inputs = List.of();
        private InputFormat format = InputFormat.AUTO;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Consumer<InputProblem> problems = p -> { };
        private Consumer<Summary> progress = s -> { };
        private long limit = Long.MAX_VALUE;
        private boolean countFirst;

        public Builder inputs(List<String> inputs) {
            this.inputs = List.copyOf(inputs);
            return this;
        }

        public Builder format(InputFormat format) {
            this.format = Objects.requireNonNull(format);
            return this;
        }

        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        public Builder onProblem(Consumer<InputProblem> problems) {
            this.problems = Objects.requireNonNull(problems);
            return this;
        }

        /** Count the documents before starting, so progress can say how much is left (a quick pass over the input). */
        public Builder countFirst(boolean count) {
            this.countFirst = count;
            return this;
        }

        /** Only the first {@code n} documents. */
        public Builder limit(long n) {
            this.limit = n;
            return this;
        }

        public Builder onProgress(Consumer<Summary> progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        public GraphBuild build() {
            return new GraphBuild(this);
        }
    }
}
