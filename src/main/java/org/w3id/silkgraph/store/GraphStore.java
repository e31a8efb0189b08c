package org.w3id.silkgraph.store;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.silkgraph.DocumentGraph;

/**
 * Datasets as SilkGraph serves them: TDB2, one named graph per document, and the union of all documents as the
 * default graph, so queries need no GRAPH clause.
 */
public final class GraphStore {
    private GraphStore() {
    }

    /** An in-memory store's dataset: TDB2, union default graph, labels indexed for text:query. */
    public static DatasetGraph inMemory() {
        return Store.inMemory().dataset();
    }

    /** Adds one document's graph in its own transaction. */
    public static void add(DatasetGraph dsg, DocumentGraph graph) {
        dsg.executeWrite(() -> graph.quads().forEach(dsg::add));
    }

    /**
     * Loads dump files: TriG and N-Quads keep their graphs; the triples of Turtle, N-Triples or JSON-LD go into a
     * graph named after the file, so they are part of the union default graph too.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it, in one line
     */
    public static DatasetGraph load(List<Path> files) {
        DatasetGraph dsg = inMemory();
        for (Path f : files) {
            Node graph = NodeFactory.createURI(f.toAbsolutePath().toUri().toString());
            StreamRDF into = new StreamRDFWrapper(StreamRDFLib.dataset(dsg)) {
                @Override
                public void triple(Triple t) {
                    other.quad(org.apache.jena.sparql.core.Quad.create(graph, t));
                }
            };
            try {
                dsg.executeWrite(() -> RDFParser.source(f).parse(into));
            } catch (org.apache.jena.riot.RiotNotFoundException e) {
                throw new IllegalArgumentException(f + ": no such file", e);
            } catch (RiotException e) {
                throw new IllegalArgumentException(f + ": not a readable RDF dump: " + e.getMessage(), e);
            } catch (org.apache.jena.atlas.RuntimeIOException e) {
                throw new IllegalArgumentException(f + ": cannot read: " + e.getMessage(), e);
            }
        }
        return dsg;
    }
}
