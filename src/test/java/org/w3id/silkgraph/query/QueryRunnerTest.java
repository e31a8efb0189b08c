package org.w3id.silkgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.silkgraph.server.GraphServer;
import org.w3id.silkgraph.server.MiniGraph;

class QueryRunnerTest {

    private static final String COOPERATES_WITH = "https://w3id.org/silkgraph/ontology#cooperatesWith";
    private static final String CONSTRUCT = """
            PREFIX sg: <https://w3id.org/silkgraph/ontology#>
            CONSTRUCT { ?a sg:cooperatesWith ?b } WHERE { ?a sg:cooperatesWith ?b }""";

    private static Dataset dataset;
    private static GraphServer server;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        dataset = MiniGraph.load();
        server = GraphServer.create().dataset(dataset.asDatasetGraph()).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aDatasetAndItsEndpointGiveTheSameRows() {
        QueryRunner local = QueryRunner.over(dataset);
        QueryRunner remote = QueryRunner.remote(server.endpoint());
        for (CannedQuery query : CannedQueries.builtIn().all()) {
            for (ResultFormat format : List.of(ResultFormat.TSV, ResultFormat.TABLE)) {
                String here = run(local, query, format);
                assertTrue(here.lines().count() > 2, query.name() + " found nothing:\n" + here);
                assertEquals(here, run(remote, query, format), query.name() + " as " + format.label());
            }
        }
    }

    @Test
    void tableColumnsLineUpWithChineseText() {
        String table = run(QueryRunner.over(dataset), CannedQueries.builtIn().find("fact-evidence").orElseThrow(), ResultFormat.TABLE);
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(0).startsWith("| subject "), lines.get(0));
        assertTrue(lines.get(1).matches("\\|(-+\\|)+"), lines.get(1));
        assertTrue(table.contains("| 中国与俄罗斯、哈萨克斯坦在新材料领域开展合作。"), table);
        List<Integer> ruleColumns = barColumns(lines.get(1));
        for (String line : lines)
            assertEquals(ruleColumns, barColumns(line), "misaligned:\n" + line + "\n" + lines.get(1));
    }

    @Test
    void tableShowsLiteralsAsTextAndIrisWithTheQueryPrefixes() {
        String table = run(QueryRunner.over(dataset), """
                PREFIX sg: <https://w3id.org/silkgraph/ontology#>
                SELECT ?p ?date ?doc WHERE {
                  VALUES (?p ?date ?doc) { (sg:startDate "2024-05-20"^^<http://www.w3.org/2001/XMLSchema#date> <urn:x:doc>) }
                }""", ResultFormat.TABLE);
        assertEquals("| sg:startDate | 2024-05-20 | <urn:x:doc> |", table.lines().toList().get(2).replaceAll(" +", " "));
    }

    @Test
    void selectAsCsvAndJson() {
        String query = "PREFIX sg: <https://w3id.org/silkgraph/ontology#> SELECT ?a ?b WHERE { ?a sg:cooperatesWith ?b } ORDER BY ?a ?b";
        List<String> csv = run(QueryRunner.over(dataset), query, ResultFormat.CSV).lines().toList();
        assertEquals("a,b", csv.get(0));
        assertEquals(cooperationFacts() + 1, csv.size());

        String json = run(QueryRunner.over(dataset), query, ResultFormat.JSON);
        ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        assertEquals(List.of("a", "b"), results.getResultVars());
        int rows = 0;
        for (; results.hasNext(); results.next())
            rows++;
        assertEquals(cooperationFacts(), rows);
    }

    @Test
    void askAnswersTrueOrFalse() {
        QueryRunner runner = QueryRunner.over(dataset);
        assertEquals("true", run(runner, "ASK { ?s ?p \"中国\"@zh }", ResultFormat.TABLE).strip());
        assertEquals("false", run(runner, "ASK { ?s ?p \"火星\"@zh }", ResultFormat.CSV).strip());
        assertTrue(run(runner, "ASK { ?s ?p \"中国\"@zh }", ResultFormat.JSON).replaceAll("\\s", "").contains("\"boolean\":true"));
    }

    @Test
    void constructWritesTurtleOrJsonLd() {
        QueryRunner runner = QueryRunner.over(dataset);
        Graph turtle = parse(run(runner, CONSTRUCT, ResultFormat.TABLE), Lang.TURTLE);
        Graph jsonLd = parse(run(runner, CONSTRUCT, ResultFormat.JSON), Lang.JSONLD);
        assertEquals(cooperationFacts(), turtle.size());
        assertTrue(turtle.isIsomorphicWith(jsonLd));
        Graph remote = parse(run(QueryRunner.remote(server.endpoint()), CONSTRUCT, ResultFormat.JSON), Lang.JSONLD);
        assertTrue(turtle.isIsomorphicWith(remote));
    }

    @Test
    void describeWritesTurtle() {
        Graph description = parse(run(QueryRunner.over(dataset),
                "DESCRIBE <https://w3id.org/silkgraph/id/country/KZ>", ResultFormat.TSV), Lang.TURTLE);
        assertTrue(description.contains(NodeFactory.createURI("https://w3id.org/silkgraph/id/country/KZ"),
                RDFS.Nodes.label, NodeFactory.createLiteralLang("哈萨克斯坦", "zh")));
    }

    @Test
    void aMalformedQueryFileIsReportedInOneLineWithFileLineAndColumn() throws IOException {
        Files.writeString(folder.resolve("broken.rq"), """
                # title: Broken
                # description: A query with a missing object
                PREFIX sg: <https://w3id.org/silkgraph/ontology#>

                SELECT ?a WHERE {
                  ?a sg:cooperatesWith
                }
                """);
        CannedQuery broken = CannedQueries.builtIn().withFolder(folder).find("broken").orElseThrow();
        for (QueryRunner runner : List.of(QueryRunner.over(dataset), QueryRunner.remote(server.endpoint()))) {
            MalformedQueryException error = assertThrows(MalformedQueryException.class,
                    () -> runner.run(broken, ResultFormat.TABLE, new ByteArrayOutputStream()));
            String message = error.getMessage();
            assertEquals("broken.rq, line 7, column 1: unexpected \"}\"", message);
        }
    }

    @Test
    void aLexicalErrorIsPlacedWhereTheParserGaveUp() {
        MalformedQueryException error = assertThrows(MalformedQueryException.class,
                () -> QueryRunner.parse("SELECT * WHERE { ?s ?p \"unclosed }", "typed.rq"));
        assertTrue(error.getMessage().startsWith("typed.rq, line 1, column 35: Lexical error"), error.getMessage());
        assertFalse(error.getMessage().contains("\n") || error.getMessage().contains("at line"), error.getMessage());
    }

    @Test
    void anUndeclaredPrefixIsNamed() {
        MalformedQueryException error = assertThrows(MalformedQueryException.class,
                () -> QueryRunner.parse("SELECT * WHERE {\n  ?s foo:bar ?o }", "typed.rq"));
        assertTrue(error.getMessage().startsWith("typed.rq, line 2, column 6: "), error.getMessage());
        assertTrue(error.getMessage().contains("foo:bar"), error.getMessage());
    }

    @Test
    void formatsAreNamedAsUsersTypeThem() {
        assertEquals(ResultFormat.CSV, ResultFormat.fromLabel("csv"));
        assertEquals(ResultFormat.TABLE, ResultFormat.fromLabel("Table"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ResultFormat.fromLabel("xml"));
        assertTrue(error.getMessage().contains("table, csv, tsv, json"), error.getMessage());
    }

    private static String run(QueryRunner runner, CannedQuery query, ResultFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runner.run(query, format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String run(QueryRunner runner, String query, ResultFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runner.run(query, "test.rq", format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Graph parse(String text, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, lang).parse(graph);
        return graph;
    }

    private static int cooperationFacts() {
        Node property = NodeFactory.createURI(COOPERATES_WITH);
        return dataset.calculateRead(() -> dataset.asDatasetGraph().getUnionGraph().find(Node.ANY, property, Node.ANY).toList().size());
    }

    /**
     * The terminal columns at which a line has a '|', counting Han characters and fullwidth or CJK
     * punctuation as two columns: measured here independently of {@link DisplayWidth}.
     */
    private static List<Integer> barColumns(String line) {
        List<Integer> columns = new ArrayList<>();
        int column = 0;
        for (int cp : line.codePoints().toArray()) {
            if (cp == '|')
                columns.add(column);
            boolean wide = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                    || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                    || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
            column += wide ? 2 : 1;
        }
        return columns;
    }
}
