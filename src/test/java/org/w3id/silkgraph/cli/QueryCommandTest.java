package org.w3id.silkgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.silkgraph.Seeds;
import org.w3id.silkgraph.query.CannedQueries;
import org.w3id.silkgraph.query.CannedQuery;

/** {@code silkgraph query} through {@link Main#run}, against a dump of two seeds built once. */
class QueryCommandTest {

    @TempDir
    static Path shared;
    private static Path dump;

    @TempDir
    Path folder;

    @BeforeAll
    static void buildDump() {
        dump = shared.resolve("kg.ttl");
        Cli.Result build = Cli.run("build", "-q", "-o", dump.toString(), Seeds.file("001").toString(), Seeds.file("003").toString());
        assertEquals(0, build.status(), build.toString());
    }

    @Test
    void listNamesEveryCannedQuery() {
        Cli.Result run = Cli.run("query", "--list");
        assertEquals(0, run.status(), run.toString());
        List<CannedQuery> all = CannedQueries.builtIn().all();
        assertFalse(all.isEmpty());
        for (CannedQuery q : all) {
            assertTrue(run.outLines().stream().anyMatch(l -> l.startsWith(q.name() + " ") && l.contains(q.title())),
                    q.name() + " in\n" + run.out());
        }
    }

    @Test
    void eventsAsCsvListTheForum() {
        Cli.Result run = Cli.run("query", "--data", dump.toString(), "events", "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        List<String> lines = run.outLines();
        assertEquals("event,eventLabel,places,startDate,endDate,organizers", lines.get(0));
        String forum = lines.stream().filter(l -> l.contains(",第八届中俄工程技术论坛,")).findFirst().orElse(null);
        assertTrue(forum != null, run.out());
        assertTrue(forum.contains("--11-24"), forum);
        assertTrue(forum.contains("中国科学技术协会") && forum.contains("俄罗斯科学工程协会联合会"), forum);
        assertTrue(lines.stream().anyMatch(l -> l.contains(",首届一带一路科技交流大会,") && l.contains("重庆市")), run.out());
    }

    @Test
    void aQueryFileRunsToo() throws IOException {
        Path rq = Files.writeString(folder.resolve("labels.rq"), """
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?e WHERE { ?e rdfs:label "第八届中俄工程技术论坛"@zh }""");
        Cli.Result run = Cli.run("query", "--data", dump.toString(), "--format", "tsv", rq.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals(List.of("?e", "<https://w3id.org/silkgraph/id/event/第八届中俄工程技术论坛>"), run.outLines());
    }

    @Test
    void aMalformedQueryFileIsOneLineNamingIt() throws IOException {
        Path rq = Files.writeString(folder.resolve("broken.rq"), "SELECT ?s WHERE {\n  ?s ?p \n");
        Cli.Result run = Cli.run("query", "--data", dump.toString(), rq.toString());
        assertEquals(1, run.status(), run.toString());
        assertEquals("", run.out());
        List<String> lines = run.errLines();
        assertEquals(1, lines.size(), run.toString());
        assertTrue(lines.get(0).contains(rq.toString()), lines.get(0));
    }

    @Test
    void anUnknownQueryNameIsOneLine() {
        Cli.Result run = Cli.run("query", "--data", dump.toString(), "no-such-query");
        assertEquals(1, run.status(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains("no-such-query"), run.toString());
    }

    @Test
    void aMissingDumpIsOneLineNamingIt() {
        Path missing = folder.resolve("missing.ttl");
        Cli.Result run = Cli.run("query", "--data", missing.toString(), "events");
        assertEquals(1, run.status(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains("missing.ttl"), run.toString());
    }

    @Test
    void neitherDataNorEndpointIsAUsageError() {
        Cli.Result run = Cli.run("query", "events");
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().contains("--data") || run.err().contains("--endpoint"), run.toString());
        assertEquals("", run.out());
    }

    @Test
    void anUnknownResultFormatIsAUsageError() {
        Cli.Result run = Cli.run("query", "--data", dump.toString(), "--format", "xml", "events");
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().contains("xml"), run.toString());
    }

    @Test
    void dataAndEndpointTogetherIsAUsageError() {
        assertEquals(2, Cli.run("query", "--data", dump.toString(), "--endpoint", "http://localhost:1/kg/sparql", "events").status());
    }
}
