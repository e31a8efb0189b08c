package org.w3id.silkgraph.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.silkgraph.Seeds;

/** {@code silkgraph build} through {@link Main#run}, on real seeds, writing real files. */
class BuildCommandTest {

    private static final String SG = "https://w3id.org/silkgraph/ontology#";
    private static final String ID = "https://w3id.org/silkgraph/id/";
    private static final Node FORUM_LABEL = NodeFactory.createLiteralLang("第八届中俄工程技术论坛", "zh");
    private static final Node CONFERENCE_LABEL = NodeFactory.createLiteralLang("首届一带一路科技交流大会", "zh");

    @TempDir
    static Path shared;
    private static Path seed001;
    private static Path seed003;
    /** {@code build -o kg.ttl} of 001 and 003, run once. */
    private static Cli.Result turtleRun;
    private static Path turtle;
    /** sg:Event and its subclasses, from the ontology. */
    private static Set<Node> eventClasses;

    @TempDir
    Path folder;

    @BeforeAll
    static void buildTurtle() {
        seed001 = Seeds.file("001");
        seed003 = Seeds.file("003");
        turtle = shared.resolve("kg.ttl");
        turtleRun = Cli.run("build", "-q", "-o", turtle.toString(), seed001.toString(), seed003.toString());
        Graph ontology = GraphFactory.createDefaultGraph();
        RDFParser.source(Path.of("ontology/silkgraph.ttl")).parse(ontology);
        Node event = NodeFactory.createURI(SG + "Event");
        eventClasses = new java.util.HashSet<>(Set.of(event));
        ontology.find(Node.ANY, RDFS.subClassOf.asNode(), event).forEachRemaining(t -> eventClasses.add(t.getSubject()));
    }

    @Test
    void buildsATurtleDumpWithEvents() {
        assertEquals(0, turtleRun.status(), turtleRun.toString());
        assertEquals("", turtleRun.out(), "the dump goes to the file, not to standard output");
        assertTrue(Files.isRegularFile(turtle));

        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.source(turtle).parse(graph);
        List<Node> events = events(graph);
        assertFalse(events.isEmpty(), "sg:Event instances");
        assertTrue(events.stream().anyMatch(e -> graph.contains(e, RDFS.label.asNode(), FORUM_LABEL)), "the forum of 003");
        assertTrue(events.stream().anyMatch(e -> graph.contains(e, RDFS.label.asNode(), CONFERENCE_LABEL)), "the conference of 001");
        assertTrue(graph.contains(doc(seed001), RDF.type.asNode(), NodeFactory.createURI(SG + "Document")));
        assertTrue(graph.contains(doc(seed003), RDF.type.asNode(), NodeFactory.createURI(SG + "Document")));
        assertNoTempFiles(shared);
    }

    @Test
    void withoutQuietTheSummaryGoesToStandardError() {
        Path out = folder.resolve("kg.nt");
        Cli.Result run = Cli.run("build", "-o", out.toString(), seed003.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals("", run.out());
        assertTrue(run.err().contains("1 documents") || run.err().contains("1 document"), run.err());
        assertTrue(run.err().contains(out.toString()), run.err());
    }

    @Test
    void trigAndNQuadsKeepOneNamedGraphPerDocument() {
        Path trig = folder.resolve("kg.out");
        Path nq = folder.resolve("kg.nq");
        Cli.Result trigRun = Cli.run("build", "-q", "--format", "trig", "-o", trig.toString(), seed001.toString(), seed003.toString());
        Cli.Result nqRun = Cli.run("build", "-q", "-o", nq.toString(), seed001.toString(), seed003.toString());
        assertEquals(0, trigRun.status(), trigRun.toString());
        assertEquals(0, nqRun.status(), nqRun.toString());

        Graph union = GraphFactory.createDefaultGraph();
        RDFParser.source(turtle).parse(union);
        for (Path dump : List.of(trig, nq)) {
            DatasetGraph ds = DatasetGraphFactory.create();
            RDFParser.source(dump).lang(dump == trig ? org.apache.jena.riot.Lang.TRIG : org.apache.jena.riot.Lang.NQUADS).parse(ds);
            List<Node> graphs = new ArrayList<>();
            ds.listGraphNodes().forEachRemaining(graphs::add);
            assertEquals(Set.of(doc(seed001), doc(seed003)), Set.copyOf(graphs), dump.toString());
            assertTrue(ds.getDefaultGraph().isEmpty(), dump + ": nothing outside the documents' graphs");
            assertTrue(ds.getGraph(doc(seed003)).contains(Node.ANY, RDFS.label.asNode(), FORUM_LABEL), dump.toString());
            assertFalse(ds.getGraph(doc(seed001)).contains(Node.ANY, RDFS.label.asNode(), FORUM_LABEL), dump.toString());
            assertTrue(ds.getGraph(doc(seed001)).contains(Node.ANY, RDFS.label.asNode(), CONFERENCE_LABEL), dump.toString());
            assertEquals(union.size(), ds.getUnionGraph().size(), dump + " holds what the Turtle dump holds");
        }
        assertNoTempFiles(folder);
    }

    @Test
    void jsonLdParses() {
        Path jsonld = folder.resolve("kg.jsonld");
        Cli.Result run = Cli.run("build", "-q", "-o", jsonld.toString(), seed003.toString());
        assertEquals(0, run.status(), run.toString());
        DatasetGraph ds = DatasetGraphFactory.create();
        RDFParser.source(jsonld).parse(ds);
        Graph all = ds.getUnionGraph().isEmpty() ? ds.getDefaultGraph() : ds.getUnionGraph();
        assertTrue(all.contains(Node.ANY, RDFS.label.asNode(), FORUM_LABEL), "the forum");
        assertFalse(events(all).isEmpty());
    }

    @Test
    void aMissingFileBesideAGoodOneFailsButTheGoodDocumentIsWritten() {
        Path out = folder.resolve("kg.ttl");
        String missing = folder.resolve("missing.txt").toString();
        Cli.Result run = Cli.run("build", "-q", "-o", out.toString(), missing, seed003.toString());

        assertEquals(1, run.status(), run.toString());
        assertEquals(1, linesNaming(run, "missing.txt").size(), run.toString());
        assertTrue(linesNaming(run, "missing.txt").get(0).contains("no such file"), run.toString());
        assertEquals(1, run.errLines().size(), "one line, and nothing else with -q: " + run);
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.source(out).parse(graph);
        assertTrue(graph.contains(Node.ANY, RDFS.label.asNode(), FORUM_LABEL), "the good document is in the dump");
        assertNoTempFiles(folder);
    }

    @Test
    void anEmptyFolderAloneFailsAndWritesNothing() throws IOException {
        Path empty = Files.createDirectory(folder.resolve("empty"));
        Path outDir = Files.createDirectory(folder.resolve("out"));
        Cli.Result run = Cli.run("build", "-q", "-o", outDir.resolve("kg.ttl").toString(), empty.toString());

        assertEquals(1, run.status(), run.toString());
        assertEquals(1, linesNaming(run, empty.toString()).size(), run.toString());
        assertEquals(List.of(), list(outDir), "no dump and no leftover temporary file");
    }

    @Test
    void aGbkFileAloneFailsWithOneLineAndWritesNothing() throws IOException {
        Path gbk = Files.write(folder.resolve("gbk.txt"),
                "第八届中俄工程技术论坛通过线上方式成功举办。".getBytes(Charset.forName("GB18030")));
        Path outDir = Files.createDirectory(folder.resolve("out"));
        Cli.Result run = Cli.run("build", "-q", "-o", outDir.resolve("kg.ttl").toString(), gbk.toString());

        assertEquals(1, run.status(), run.toString());
        List<String> lines = linesNaming(run, "gbk.txt");
        assertEquals(1, lines.size(), run.toString());
        assertTrue(lines.get(0).contains("GBK") || lines.get(0).contains("GB18030"), lines.get(0));
        assertEquals(List.of(), list(outDir), "no dump and no leftover temporary file");
    }

    @Test
    void aFailedBuildLeavesAnEarlierDumpAlone() throws IOException {
        Path out = folder.resolve("kg.ttl");
        Files.writeString(out, "# an earlier dump\n");
        Cli.Result run = Cli.run("build", "-q", "-o", out.toString(), folder.resolve("missing.txt").toString());
        assertEquals(1, run.status(), run.toString());
        assertEquals("# an earlier dump\n", Files.readString(out));
        assertEquals(List.of(out), list(folder));
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Path out = folder.resolve("kg.ttl");
        Cli.Result run = Cli.run("build", "--no-such-option", "-o", out.toString(), seed003.toString());
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().contains("--no-such-option"), run.toString());
        assertFalse(Files.exists(out));
    }

    /** Main promises 2 for wrong usage; a value no option accepts is wrong usage, like an unknown option. */
    @Test
    void aBadOptionValueIsAUsageError() {
        for (List<String> bad : List.of(List.of("--format", "xyz"), List.of("--input-format", "bogus"), List.of("--threads", "0"))) {
            Path out = folder.resolve("kg.ttl");
            List<String> args = new ArrayList<>(List.of("build", "-q", "-o", out.toString()));
            args.addAll(bad);
            args.add(seed003.toString());
            Cli.Result run = Cli.run(args.toArray(String[]::new));
            assertEquals(2, run.status(), bad + ": " + run);
            assertTrue(run.err().contains(bad.get(1)), bad + ": " + run);
            assertFalse(run.err().contains("No enum constant"), run.toString());
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void noInputIsAUsageError() {
        assertEquals(2, Cli.run("build", "-q").status());
    }

    @Test
    void oneThreadAndTwoThreadsWriteTheSameBytes() throws IOException {
        List<String> args = new ArrayList<>(List.of("build", "-q", "--format", "nq"));
        Seeds.all().forEach(p -> args.add(p.toString()));
        Path one = folder.resolve("one.nq");
        Path two = folder.resolve("two.nq");
        Cli.Result a = Cli.run(with(args, "--threads", "1", "-o", one.toString()));
        Cli.Result b = Cli.run(with(args, "--threads", "2", "-o", two.toString()));
        assertEquals(0, a.status(), a.toString());
        assertEquals(0, b.status(), b.toString());

        byte[] bytes = Files.readAllBytes(one);
        assertArrayEquals(bytes, Files.readAllBytes(two));
        DatasetGraph ds = DatasetGraphFactory.create();
        RDFParser.source(one).parse(ds);
        List<Node> graphs = new ArrayList<>();
        ds.listGraphNodes().forEachRemaining(graphs::add);
        assertEquals(5, graphs.size(), "five documents: " + graphs);
    }

    /** A dump is a file like any other the user writes: readable as the umask allows, not private to its writer. */
    @Test
    void theDumpHasTheSamePermissionsAsAnyNewFile() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = folder.resolve("plain.txt");
        try (OutputStream o = Files.newOutputStream(plain)) {
            o.write('x');
        }
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        Path out = folder.resolve("kg.ttl");
        Cli.Result run = Cli.run("build", "-q", "-o", out.toString(), seed003.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals(expected, Files.getPosixFilePermissions(out));
    }

    private static String[] with(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(1, List.of(more));
        return all.toArray(String[]::new);
    }

    private static List<Node> events(Graph graph) {
        List<Node> events = new ArrayList<>();
        Iterator<Triple> it = graph.find(Node.ANY, RDF.type.asNode(), Node.ANY);
        it.forEachRemaining(t -> {
            if (eventClasses.contains(t.getObject()))
                events.add(t.getSubject());
        });
        return events;
    }

    private static Node doc(Path seed) {
        return NodeFactory.createURI(ID + "doc/" + Seeds.stem(seed));
    }

    /**
     * A build killed during its bulk load leaves TDB2's files but no document. The next build must see a new store
     * and bulk-load it; it used to open the store with its label index to look, which tied the index to TDB2's
     * transactions for the rest of the JVM, and the load then failed at commit on the index it had closed.
     */
    @Test
    void aStoreWithFilesButNoDocumentsIsBulkLoaded(@TempDir Path folder) throws IOException {
        Path location = folder.resolve("store");
        org.apache.jena.sparql.core.DatasetGraph left = org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(
                location.resolve("tdb2").toString());
        org.apache.jena.tdb2.sys.TDBInternal.expel(left);
        try (Stream<Path> files = Files.list(location.resolve("tdb2"))) {
            assertTrue(files.findAny().isPresent(), "TDB2 made its files");
        }

        Cli.Result run = Cli.run("build", "--location", location.toString(), seed003.toString());

        assertEquals(0, run.status(), run.toString());
        assertTrue(run.err().contains("(new store: bulk-loaded)"), run.err());
        try (org.w3id.silkgraph.store.Store store = org.w3id.silkgraph.store.Store.open(location)) {
            assertEquals(1, store.documents());
        }
    }

    private static List<String> linesNaming(Cli.Result run, String name) {
        return run.errLines().stream().filter(l -> l.contains(name)).toList();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static void assertNoTempFiles(Path dir) {
        try {
            List<Path> parts = list(dir).stream()
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".part")).toList();
            assertEquals(List.of(), parts, "no temporary files left in " + dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
