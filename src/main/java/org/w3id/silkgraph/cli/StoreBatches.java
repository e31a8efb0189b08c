package org.w3id.silkgraph.cli;

import java.util.ArrayList;
import java.util.List;

import org.w3id.silkgraph.DocumentGraph;
import org.w3id.silkgraph.store.Store;

/** Adds documents to a store a batch per transaction: fewer commits, and an interruption loses at most one batch. */
final class StoreBatches implements AutoCloseable {
    private static final int BATCH = 200;

    private final Store store;
    private final int[] outcomes;
    private final List<DocumentGraph> pending = new ArrayList<>(BATCH);

    StoreBatches(Store store, int[] outcomes) {
        this.store = store;
        this.outcomes = outcomes;
    }

    void add(DocumentGraph g) {
        pending.add(g);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    private void flush() {
        if (!pending.isEmpty()) {
            store.put(pending).forEach(o -> outcomes[o.ordinal()]++);
            pending.clear();
        }
    }

    @Override
    public void close() {
        flush();
    }
}
