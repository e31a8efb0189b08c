package org.w3id.silkgraph.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.lucene.store.FSDirectory;
import org.w3id.silkgraph.data.Hashes;
import org.w3id.silkgraph.data.LongSet;
import org.w3id.silkgraph.rdf.SG;

/**
 * Loads N-Quads (the Spark job's part files) or TriG dumps into a store with TDB2's parallel bulk loader, each quad
 * also as a triple of the merged default graph ({@link MergedDefaultGraph}), then builds the store's text index from what the store now
 * holds, as Jena's {@code textindexer} does: the bulk loader writes TDB2's files directly, past the text dataset that
 * keeps the Lucene index in step with {@link Store#put}. The index is rebuilt whole, so it is the index that adding
 * the same documents through {@link Store} gives, however many loads the store has had.
 */
public final class BulkLoad {
    /** What a load did: files read, quads sent to the loader (repeats included), label entries indexed. */
    public record Summary(int files, long quads, long labels, double seconds) {
    }

    private BulkLoad() {
    }

    /**
     * The files to load for the given paths: a file as itself, a folder (a Spark output folder) as its part files
     * ({@code part-*}) and dumps ({@code *.nq}, {@code *.trig}, also gzipped), in name order.
     */
    public static List<Path> files(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            try (Stream<Path> s = Files.list(p)) {
                s.filter(Files::isRegularFile).filter(f -> isPart(f.getFileName().toString()))
                        .sorted(Comparator.comparing(Path::toString)).forEach(files::add);
            }
        }
        return files;
    }

    private static boolean isPart(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return (n.startsWith("part-") && !n.endsWith(".crc")) || n.endsWith(".nq") || n.endsWith(".nq.gz")
                || n.endsWith(".trig") || n.endsWith(".trig.gz");
    }

    /**
     * Loads {@code files} into the store in {@code location} (made if missing), then rebuilds its text index.
     * No other process may have the store open meanwhile.
     *
     * @param progress the loader's progress lines, or null for none
     * @throws IllegalArgumentException naming a file that is not a quads file
     */
    public static Summary load(Path location, List<Path> files, MonitorOutput progress) throws IOException {
        long t0 = System.nanoTime();
        for (Path f : files) {
            lang(f); // every file is checked before the store is touched
        }
        try (Session session = session(location, progress)) {
            for (Path f : files) {
                try (InputStream in = open(f)) {
                    RDFParser.source(in).lang(lang(f)).base(f.toUri().toString()).parse(session.into);
                }
            }
            long labels = session.finish();
            return new Summary(files.size(), session.loader.countQuads() + session.loader.countTriples(), labels,
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * A bulk load fed document by document, for a build into a store that is still empty: TDB2's bulk loader is many
     * times faster than transactions and leaves no old versions of its indexes behind (a store built a transaction
     * per batch grows to ten times the size). {@link #finish()} completes the load and builds the label index.
     */
    public static final class Session implements AutoCloseable {
        private final Path location;
        private final DatasetGraph tdb;
        private final DataLoader loader;
        /** Each quad as itself and its triple into the merged default graph, as {@link MergedDefaultGraph} keeps it. */
        private final StreamRDF into;
        private boolean finished;

        private Session(Path location, MonitorOutput progress) throws IOException {
            this.location = location;
            Files.createDirectories(location);
            this.tdb = Store.connect(location);
            // the parallel loader builds every index as the quads arrive; fed by the extraction, slower than it, it
            // keeps up. The phased one (tdb2.tdbloader's default) left six indexes to a last phase whose queues held
            // a million tuples: 200 MB more live heap at the end of a corpus build than of a small one
            this.loader = LoaderFactory.parallelLoader(tdb, orSilent(progress));
            loader.startBulk();
            // the loader's own stream: startBulk and finishBulk bracket it (its start and finish must not be called)
            StreamRDF stream = loader.stream();
            this.into = new StreamRDFWrapper(stream) {
                @Override
                public void quad(Quad q) {
                    stream.quad(q);
                    if (!q.isDefaultGraph()) {
                        stream.triple(q.asTriple());
                    }
                }

                @Override
                public void start() {
                }

                @Override
                public void finish() {
                }
            };
        }

        public void add(Iterable<Quad> quads) {
            quads.forEach(into::quad);
        }

        /** Completes the load and builds the label index; returns the number of labels indexed. */
        public long finish() throws IOException {
            loader.finishBulk();
            finished = true;
            recountDocuments(tdb);
            return rebuildTextIndex(tdb, location.resolve("text"));
        }

        /** Without {@link #finish()}: the load is abandoned; it was one transaction, so the store is as before. */
        @Override
        public void close() {
            if (!finished) {
                loader.finishException(new IllegalStateException("build interrupted"));
            }
        }
    }

    /** A bulk session into the store at {@code location}, which must not hold documents yet. */
    public static Session session(Path location, MonitorOutput progress) throws IOException {
        return new Session(location, progress);
    }

    /** TDB2's loaders write to their progress output whatever happens; null means nothing to show. */
    private static MonitorOutput orSilent(MonitorOutput progress) {
        return progress != null ? progress : (fmt, args) -> { };
    }

    /** True when there is no store at {@code location} yet, or one without documents. */
    public static boolean isEmptyStore(Path location) {
        Path tdb = location.resolve("tdb2");
        if (!Files.isDirectory(tdb)) {
            return true;
        }
        try (Stream<Path> s = Files.list(tdb)) {
            if (s.findAny().isEmpty()) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        // TDB2 alone: Store.open would attach the label index to TDB2's transactions for the rest of the JVM, and
        // the bulk load's own transactions would then fail on the index it closed (a store left by a killed build)
        DatasetGraph dataset = Store.connect(location);
        return dataset.calculateRead(() -> !dataset.listGraphNodes().hasNext());
    }

    /**
     * {@code sg:documentCount} of every entity, counted anew from the document graphs' mentions, then the ranks.
     * One pass reads the mentions in TDB2's POSG order, where an entity's mentions come together, and a count is
     * written as its entity's run ends; the writes go {@value #RECOUNT_BATCH} to a transaction on a second thread
     * (TDB2 lets one writer work beside readers). A write transaction keeps every index block it changes in memory
     * until it commits, and counts land all over the subject index: batching keeps that to tens of megabytes. What is
     * held does not grow with the number of entities, but for a check of 8–16 bytes an entity.
     */
    private static void recountDocuments(DatasetGraph tdb) {
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "silkgraph-recount");
            t.setDaemon(true);
            return t;
        });
        try {
            tdb.executeRead(() -> {
                Recount recount = new Recount(tdb, writer);
                tdb.findNG(Node.ANY, Node.ANY, SG.mentions, Node.ANY).forEachRemaining(q -> recount.mention(q.getObject()));
                recount.finish();
            });
        } finally {
            writer.shutdownNow();
        }
        tdb.executeWrite(() -> DocumentRanks.refresh(tdb));
    }

    private static final int RECOUNT_BATCH = 5_000;

    /** Runs of one entity's mentions in, count changes out in batches. */
    private static final class Recount {
        private final DatasetGraph tdb;
        private final ExecutorService writer;
        /** Entities whose run has ended (as hashes): a second run would mean the order is not what this relies on. */
        private final LongSet ended = new LongSet();
        private List<Quad> deletes = new ArrayList<>();
        private List<Quad> adds = new ArrayList<>();
        private Node entity;
        private long documents;

        Recount(DatasetGraph tdb, ExecutorService writer) {
            this.tdb = tdb;
            this.writer = writer;
        }

        void mention(Node mentioned) {
            if (!mentioned.equals(entity)) {
                endRun();
                entity = mentioned;
                documents = 0;
            }
            documents++;
        }

        void finish() {
            endRun();
            write();
        }

        private void endRun() {
            if (entity == null) {
                return;
            }
            if (!ended.add(Hashes.fnv64(entity.toString()))) {
                throw new IllegalStateException("the mentions of " + entity + " do not come together: cannot count them in one pass");
            }
            Node count = MergedDefaultGraph.documentCount(documents);
            boolean current = false;
            for (Iterator<Quad> old = tdb.find(Quad.defaultGraphIRI, entity, SG.documentCount, Node.ANY); old.hasNext(); ) {
                Quad q = old.next();
                if (q.getObject().equals(count)) {
                    current = true;
                } else {
                    deletes.add(q);
                }
            }
            if (!current) {
                adds.add(Quad.create(Quad.defaultGraphIRI, entity, SG.documentCount, count));
            }
            if (deletes.size() + adds.size() >= RECOUNT_BATCH) {
                write();
            }
        }

        /** Hands the batch, if any, to the writer and waits for its commit. */
        private void write() {
            if (deletes.isEmpty() && adds.isEmpty()) {
                return; // a recount of a store whose counts are right changes nothing
            }
            List<Quad> del = deletes;
            List<Quad> add = adds;
            deletes = new ArrayList<>();
            adds = new ArrayList<>();
            try {
                writer.submit(() -> tdb.executeWrite(() -> {
                    del.forEach(tdb::delete);
                    add.forEach(tdb::add);
                })).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while counting documents", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot write the document counts: " + e.getCause(), e.getCause());
            }
        }
    }

    /** A new index of every label and alternative label in the merged default graph, as {@link Store} indexes them. */
    private static long rebuildTextIndex(DatasetGraph tdb, Path textFolder) throws IOException {
        if (Files.isDirectory(textFolder)) {
            try (Stream<Path> old = Files.list(textFolder)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
        }
        TextIndex index = TextDatasetFactory.createLuceneIndex(FSDirectory.open(textFolder), Store.textConfig());
        long n = 0;
        try {
            EntityDefinition def = index.getDocDef();
            n = tdb.calculateRead(() -> {
                long count = 0;
                // fields() names a field once per predicate mapped to it: each (field, predicate) pair once
                for (String field : new LinkedHashSet<>(def.fields())) {
                    for (Node p : new LinkedHashSet<>(def.getPredicates(field))) {
                        for (Iterator<Quad> it = tdb.find(Quad.defaultGraphIRI, Node.ANY, p, Node.ANY); it.hasNext(); ) {
                            Entity e = TextQueryFuncs.entityFromQuad(def, it.next());
                            if (e != null) {
                                index.addEntity(e);
                                count++;
                            }
                        }
                    }
                }
                return count;
            });
            index.commit();
        } finally {
            index.close();
        }
        return n;
    }

    private static Lang lang(Path f) {
        String name = f.getFileName().toString();
        String plain = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        Lang lang = plain.startsWith("part-") && !plain.contains(".") ? Lang.NQUADS : RDFLanguages.filenameToLang(plain);
        if (lang == null) {
            throw new IllegalArgumentException(f + ": not a known RDF file name; give N-Quads (.nq, Spark part-*) or TriG (.trig)");
        }
        if (!RDFLanguages.isQuads(lang)) {
            throw new IllegalArgumentException(f + ": " + lang.getName() + " holds triples, not a graph per document; give N-Quads or TriG");
        }
        return lang;
    }

    private static InputStream open(Path f) throws IOException {
        InputStream in = Files.newInputStream(f);
        return f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
