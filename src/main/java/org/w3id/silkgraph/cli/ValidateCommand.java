package org.w3id.silkgraph.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.silkgraph.store.GraphStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", description = "Check a dump against the SilkGraph shapes (ontology/shapes.ttl); report every violation.")
final class ValidateCommand implements Callable<Integer> {
    private static final String ONTOLOGY = "/org/w3id/silkgraph/ontology/";

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Dump files to check together.")
    List<Path> files;

    @Override
    public Integer call() {
        DatasetGraph data = GraphStore.load(files);
        Graph graph = GraphFactory.createDefaultGraph();
        data.executeRead(() -> data.getUnionGraph().find().forEachRemaining(graph::add));
        long dataTriples = graph.size();
        // class targets follow rdfs:subClassOf, which the data graph must hold: add the ontology
        graph.getPrefixMapping().setNsPrefixes(parse("silkgraph.ttl", graph).getPrefixMapping());
        Shapes shapes = Shapes.parse(parse("shapes.ttl", GraphFactory.createDefaultGraph()));
        ValidationReport report = ShaclValidator.get().validate(shapes, graph);
        List<ReportEntry> entries = List.copyOf(report.getEntries());
        for (ReportEntry e : entries) {
            System.out.println(e.severity().level().getLocalName() + "\t" + e.focusNode() + "\t"
                    + (e.resultPath() == null ? "" : e.resultPath() + "\t") + e.message());
        }
        System.err.printf("%s: %,d triples, %d violation%s%n", files.size() == 1 ? files.get(0) : files.size() + " files",
                dataTriples, entries.size(), entries.size() == 1 ? "" : "s");
        return report.conforms() ? 0 : 1;
    }

    private static Graph parse(String name, Graph into) {
        try (InputStream in = ValidateCommand.class.getResourceAsStream(ONTOLOGY + name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name + " in the jar");
            }
            RDFParser.source(in).lang(Lang.TURTLE).parse(into);
            return into;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
