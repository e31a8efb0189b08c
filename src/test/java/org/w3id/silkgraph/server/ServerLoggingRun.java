package org.w3id.silkgraph.server;

import org.apache.jena.query.Dataset;

/**
 * What {@code silkgraph serve} does, in a JVM of its own: configure logging, load a graph (which
 * starts Jena), serve it and answer one query. Run by {@link ServerLoggingTest}.
 */
public final class ServerLoggingRun {

    public static final String QUERY = "ASK { ?s ?p ?o }";

    public static void main(String[] args) {
        ServerLogging.configure(Boolean.parseBoolean(args[0]));
        Dataset dataset = MiniGraph.load();
        try (GraphServer server = GraphServer.create().dataset(dataset.asDatasetGraph()).port(0).build().start()) {
            int status = new SparqlHttp().get(server.endpoint(), QUERY, "").statusCode();
            if (status != 200)
                throw new IllegalStateException("HTTP " + status);
        }
    }
}
