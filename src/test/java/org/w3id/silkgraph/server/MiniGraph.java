package org.w3id.silkgraph.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.silkgraph.store.GraphStore;

/**
 * The hand-written fixture {@code fixtures/mini.trig}, two documents in two named graphs, loaded as
 * a store serves a graph: an in-memory store (TDB2 with a label index) whose default graph is the union of the
 * named graphs.
 */
public final class MiniGraph {

    public static final String RESOURCE = "fixtures/mini.trig";

    private MiniGraph() {}

    public static Dataset load() {
        DatasetGraph dsg = GraphStore.inMemory();
        try (InputStream in = MiniGraph.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null)
                throw new IllegalStateException("No " + RESOURCE + " on the test classpath");
            Txn.executeWrite(dsg, () -> RDFParser.source(in).lang(Lang.TRIG).parse(dsg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DatasetFactory.wrap(dsg);
    }

    /** Counted through Jena's API, not SPARQL, to check query results against. */
    public static long quadCount(Dataset dataset) {
        return Txn.calculateRead(dataset, () -> {
            long[] count = {0};
            dataset.asDatasetGraph().find().forEachRemaining(quad -> count[0]++);
            return count[0];
        });
    }
}
