package org.w3id.silkgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextDocProducerTriples;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.changes.TextQuadAction;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.w3id.silkgraph.DocumentGraph;
import org.w3id.silkgraph.link.Iris;
import org.w3id.silkgraph.nlp.LabelAnalyzer;

/**
 * A SilkGraph store: TDB2 with one named graph per document and their merge as the default graph
 * ({@link MergedDefaultGraph}), and a Lucene index of every label and alternative label of the merged graph (one entry
 * per entity and name, however many documents state it) for {@code text:query}. Documents are added in write transactions, so
 * an interrupted build leaves the store as of its last commit; adding a document again replaces its graph, and
 * adding an unchanged document changes nothing.
 */
public final class Store implements AutoCloseable {
    /** What adding a document did. */
    public enum Outcome { ADDED, REPLACED, UNCHANGED }

    private final DatasetGraph dataset;
    private final TextIndex index;
    private final Path location;

    private Store(DatasetGraph tdb, Directory textDirectory, Path location) {
        TextIndex labels = TextDatasetFactory.createLuceneIndex(textDirectory, textConfig());
        this.dataset = new MergedDefaultGraph(TextDatasetFactory.create(tdb, labels, true, new MergedLabels(labels)));
        this.index = labels;
        this.location = location;
    }

    /** The store in folder {@code location} (TDB2 in {@code location/tdb2}, the index in {@code location/text}), made if missing. */
    public static Store open(Path location) {
        try {
            Files.createDirectories(location);
            return new Store(connect(location), FSDirectory.open(location.resolve("text")), location);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open store " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * TDB2's node caches hold up to a million decoded nodes by default, and a SilkGraph store has millions of long
     * literals (sentences): the heap of a build or a server grew with the corpus until the caches were full (400 MB
     * after the whole corpus). At 100,000 nodes they were still filling late in a corpus build, ~30 MB more live heap
     * than in a 10,000-story one; at 20,000 they are full after the first few thousand stories, and a build's heap
     * stays level.
     * Entities, names and properties, the nodes queries come back to, are the ones such a cache keeps: the canned
     * queries on the corpus store took as long with 100,000.
     */
    private static final StoreParams PARAMS = StoreParams.builder()
            .node2NodeIdCacheSize(20_000).nodeId2NodeCacheSize(20_000).build();

    /** The TDB2 dataset of the store in {@code location} (in {@code location/tdb2}), made if missing. */
    static DatasetGraph connect(Path location) {
        return DatabaseMgr.connectDatasetGraph(location.resolve("tdb2").toString(), PARAMS);
    }

    /** A store in memory, for serving a build without a folder. */
    public static Store inMemory() {
        return new Store(DatabaseMgr.createDatasetGraph(), new ByteBuffersDirectory(), null);
    }

    /** Indexes the labels of the merged default graph only: a document graph's copy would be a repeat. */
    private static final class MergedLabels extends TextDocProducerTriples {
        MergedLabels(TextIndex index) {
            super(index);
        }

        @Override
        public void change(TextQuadAction action, Node g, Node s, Node p, Node o) {
            if (Quad.isDefaultGraph(g)) {
                super.change(action, g, s, p, o);
            }
        }
    }

    /** The labels and alternative labels, indexed in one field, analysed for Chinese. */
    static TextIndexConfig textConfig() {
        EntityDefinition def = new EntityDefinition("uri", "label", RDFS.label.asNode());
        def.set("label", SKOS.altLabel.asNode());
        def.setUidField("uid");
        def.setLangField("lang");
        TextIndexConfig config = new TextIndexConfig(def);
        config.setAnalyzer(new LabelAnalyzer());
        config.setQueryAnalyzer(LabelAnalyzer.forQueries());
        config.setValueStored(true);
        return config;
    }

    /** The dataset to query, serve and write to: merged default graph, text index attached. */
    public DatasetGraph dataset() {
        return dataset;
    }

    public Path location() {
        return location;
    }

    /** Adds documents in one transaction; returns what happened to each, in order. */
    public List<Outcome> put(List<DocumentGraph> graphs) {
        return dataset.calculateWrite(() -> graphs.stream().map(this::putInTransaction).toList());
    }

    public Outcome put(DocumentGraph graph) {
        return put(List.of(graph)).get(0);
    }

    private Outcome putInTransaction(DocumentGraph g) {
        Node name = NodeFactory.createURI(Iris.document(g.documentId()));
        Set<Quad> old = new HashSet<>();
        dataset.find(name, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(old::add);
        if (!old.isEmpty() && old.equals(new HashSet<>(g.quads()))) {
            return Outcome.UNCHANGED;
        }
        if (!old.isEmpty()) {
            old.forEach(dataset::delete);
        }
        g.quads().forEach(dataset::add);
        return old.isEmpty() ? Outcome.ADDED : Outcome.REPLACED;
    }

    /** All quads, document graph by document graph. */
    public void forEachQuad(java.util.function.Consumer<Quad> action) {
        dataset.executeRead(() -> {
            Iterator<Quad> it = dataset.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
            it.forEachRemaining(q -> {
                if (!q.isDefaultGraph()) {
                    action.accept(q);
                }
            });
        });
    }

    /** Number of document graphs. */
    public long documents() {
        return dataset.calculateRead(() -> {
            long n = 0;
            for (Iterator<Node> it = dataset.listGraphNodes(); it.hasNext(); it.next()) {
                n++;
            }
            return n;
        });
    }

    @Override
    public void close() {
        if (index != null) {
            index.close();
        }
        dataset.close();
    }
}
