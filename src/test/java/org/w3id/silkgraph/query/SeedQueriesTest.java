package org.w3id.silkgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.silkgraph.GraphBuild;
import org.w3id.silkgraph.Seeds;
import org.w3id.silkgraph.server.GraphServer;
import org.w3id.silkgraph.server.SparqlHttp;
import org.w3id.silkgraph.source.InputProblem;
import org.w3id.silkgraph.store.GraphStore;

/**
 * Every canned query, unedited, over HTTP against the real server on the graph of all five seeds: the answers a
 * user gets on real news.
 */
class SeedQueriesTest {

    private static final Set<String> CHECKED = Set.of("cooperation-partners", "document-facts", "events", "fact-evidence",
            "lab-standards", "organizers-by-events", "people-affiliations", "search-labels", "shared-entities");

    private static GraphServer server;
    private static GraphBuild.Summary summary;
    private static final List<InputProblem> problems = new ArrayList<>();
    private final SparqlHttp http = new SparqlHttp();

    @BeforeAll
    static void buildAndServe() {
        DatasetGraph data = GraphStore.inMemory();
        summary = GraphBuild.create().inputs(List.of(Seeds.FOLDER.toString())).threads(2).onProblem(problems::add)
                .build().run(g -> GraphStore.add(data, g));
        server = GraphServer.create().dataset(data).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.stop();
    }

    @Test
    void allFiveSeedsAreServed() {
        assertEquals(List.of(), problems);
        assertEquals(5, summary.documents());
        assertEquals("5", http.select(server.endpoint(),
                "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <https://w3id.org/silkgraph/ontology#Document> }").get(0).get("n"));
    }

    @Test
    void everyCannedQueryIsCheckedAndAnswersOverHttp() {
        Set<String> names = CannedQueries.builtIn().all().stream().map(CannedQuery::name).collect(Collectors.toSet());
        assertEquals(CHECKED, names, "a new canned query needs a check on the seeds here");
        for (CannedQuery q : CannedQueries.builtIn().all()) {
            Results r = run(q.text());
            assertFalse(r.vars().isEmpty(), q.name());
        }
    }

    @Test
    void cooperationPartnersOfChinaIncludeRussia() {
        List<Map<String, String>> rows = run("cooperation-partners").rows();
        assertTrue(column(rows, "partnerLabel").contains("俄罗斯"), rows.toString());
        assertTrue(rows.stream().noneMatch(r -> "中国".equals(r.get("partnerLabel"))), "中国 is not its own partner: " + rows);
        Map<String, String> russia = rows.stream().filter(r -> "俄罗斯".equals(r.get("partnerLabel"))).findFirst().orElseThrow();
        assertEquals("https://w3id.org/silkgraph/id/country/RU", russia.get("partner"));
        assertTrue(Integer.parseInt(russia.get("documents")) >= 1, russia.toString());
    }

    @Test
    void eventsIncludeTheForumAndTheConference() {
        Map<String, Map<String, String>> events = byLabel(run("events").rows(), "eventLabel");

        Map<String, String> forum = events.get("第八届中俄工程技术论坛");
        assertTrue(forum != null, "the forum is listed: " + events.keySet());
        assertEquals("--11-24", forum.get("startDate"), forum.toString());
        Set<String> organizers = Set.of(forum.getOrDefault("organizers", "").split("、"));
        assertTrue(organizers.containsAll(Set.of("中国科学技术协会", "俄罗斯科学工程协会联合会")), forum.toString());

        Map<String, String> conference = events.get("首届一带一路科技交流大会");
        assertTrue(conference != null, "the conference is listed: " + events.keySet());
        assertTrue(Set.of(conference.getOrDefault("places", "").split("、")).contains("重庆市"), conference.toString());
    }

    @Test
    void organizersRankedByEventsIncludeTheKnownOrganizers() {
        List<Map<String, String>> rows = run("organizers-by-events").rows();
        assertTrue(rows.stream().anyMatch(r -> Set.of("中国科学技术协会", "科学技术部").contains(r.get("organizationLabel"))
                && Integer.parseInt(r.get("events")) >= 1), rows.toString());
        List<Integer> counts = rows.stream().map(r -> Integer.parseInt(r.get("events"))).toList();
        List<Integer> sorted = new ArrayList<>(counts);
        sorted.sort((a, b) -> b - a);
        assertEquals(sorted, counts, "most events first");
    }

    @Test
    void peopleAffiliationsHaveZhangGuangjunAtTheMinistry() {
        List<Map<String, String>> rows = run("people-affiliations").rows();
        assertTrue(rows.stream().anyMatch(r -> "张广军".equals(r.get("personLabel")) && "科学技术部".equals(r.get("organizationLabel"))),
                rows.stream().filter(r -> "张广军".equals(r.get("personLabel"))).toList().toString());
    }

    @Test
    void documentFactsAsShippedAreTheFactsOfSeed001() {
        List<Map<String, String>> rows = run("document-facts").rows();
        assertFalse(rows.isEmpty());
        assertEquals(Set.of(Seeds.file("001").getFileName().toString()), Set.copyOf(column(rows, "fileName")));
        for (Map<String, String> row : rows) {
            assertTrue(row.keySet().containsAll(List.of("sentenceIndex", "subject", "property", "object", "evidence")), row.toString());
            assertTrue(Seeds.text(Seeds.file("001")).contains(row.get("evidence")), row.toString());
        }
        assertTrue(rows.stream().anyMatch(r -> "张广军".equals(r.get("subject")) && "科学技术部".equals(r.get("object"))), "张广军 in 001");
    }

    @Test
    void documentFactsEditedToAnotherSeed() {
        String query = CannedQueries.builtIn().find("document-facts").orElseThrow().text();
        String edited = query.replace("VALUES ?documentId { \"001_1f754e89af8162ba\" }", "VALUES ?documentId { \"003_2e79563f23336ce8\" }");
        assertFalse(edited.equals(query), "the VALUES line is where the description says");
        List<Map<String, String>> rows = run(edited).rows();
        assertFalse(rows.isEmpty());
        assertEquals(Set.of(Seeds.file("003").getFileName().toString()), Set.copyOf(column(rows, "fileName")));
        assertTrue(rows.stream().anyMatch(r -> "第八届中俄工程技术论坛".equals(r.get("subject"))), "the forum in 003");
    }

    @Test
    void factEvidenceSentencesAreTheSeedTextAtTheirOffsets() {
        List<Map<String, String>> rows = run("fact-evidence").rows();
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(r -> "俄罗斯".equals(r.get("subject")) || "俄罗斯".equals(r.get("object"))),
                "facts about 俄罗斯: " + rows);
        Map<String, String> texts = new LinkedHashMap<>();
        Seeds.all().forEach(p -> texts.put(p.getFileName().toString(), Seeds.text(p)));
        Set<String> files = new TreeSet<>();
        for (Map<String, String> row : rows) {
            String text = texts.get(row.get("fileName"));
            assertTrue(text != null, "a seed file: " + row);
            String at = Seeds.codePointSubstring(text, Integer.parseInt(row.get("startOffset")), Integer.parseInt(row.get("endOffset")));
            assertEquals(at, row.get("evidence"), row.toString());
            files.add(row.get("fileName"));
        }
        assertTrue(files.size() >= 2, "facts from several seeds: " + files);
    }

    @Test
    void chinaIsSharedByAtLeastTwoDocuments() {
        List<Map<String, String>> rows = run("shared-entities").rows();
        Map<String, String> china = rows.stream().filter(r -> "中国".equals(r.get("entityLabel"))).findFirst().orElse(null);
        assertTrue(china != null, rows.toString());
        assertEquals("https://w3id.org/silkgraph/id/country/CN", china.get("entity"));
        assertTrue(Integer.parseInt(china.get("documents")) >= 2, china.toString());
        assertTrue(rows.stream().allMatch(r -> Integer.parseInt(r.get("documents")) >= 2), "only shared entities");
    }

    @Test
    void labStandardsRunsAndHasItsColumns() {
        Results r = run("lab-standards");
        assertEquals(List.of("lab", "labLabel", "led", "ledLabel", "kind"), r.vars());
        for (Map<String, String> row : r.rows()) {
            assertTrue(row.containsKey("lab") && row.containsKey("labLabel") && row.containsKey("led"), row.toString());
        }
    }

    @Test
    void searchLabelsFindsChongqingByPartOfItsNameInEitherScript() {
        List<Map<String, String>> rows = run("search-labels").rows();
        assertTrue(rows.stream().anyMatch(r -> "https://w3id.org/silkgraph/id/admin/500000".equals(r.get("entity"))
                && "重庆市".equals(r.get("label"))), rows.toString());
        assertTrue(rows.stream().allMatch(r -> r.get("label").contains("重庆")), "every hit has 重庆 in its name: " + rows);

        String query = CannedQueries.builtIn().find("search-labels").orElseThrow().text();
        String traditional = query.replace("VALUES ?search { \"重庆\" }", "VALUES ?search { \"重慶\" }");
        assertFalse(traditional.equals(query), "the VALUES line is where the description says");
        assertTrue(run(traditional).rows().stream().anyMatch(r -> "重庆市".equals(r.get("label"))), "重慶 finds 重庆市");
    }

    // ------------------------------------------------------------------ helpers

    private record Results(List<String> vars, List<Map<String, String>> rows) {}

    /** A canned query by name, or query text, over HTTP with ?format=json. */
    private Results run(String nameOrText) {
        String text = nameOrText.contains("SELECT")
                ? nameOrText : CannedQueries.builtIn().find(nameOrText).orElseThrow().text();
        HttpResponse<String> response = http.get(server.endpoint(), text, "format=json");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON);
        List<String> vars = results.getResultVars();
        List<Map<String, String>> rows = new ArrayList<>();
        while (results.hasNext()) {
            Binding b = results.nextBinding();
            Map<String, String> row = new LinkedHashMap<>();
            for (String v : vars) {
                Node n = b.get(v);
                if (n != null)
                    row.put(v, n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString());
            }
            rows.add(row);
        }
        return new Results(vars, rows);
    }

    private static List<String> column(List<Map<String, String>> rows, String variable) {
        return rows.stream().map(r -> r.get(variable)).toList();
    }

    private static Map<String, Map<String, String>> byLabel(List<Map<String, String>> rows, String variable) {
        Map<String, Map<String, String>> by = new LinkedHashMap<>();
        for (Map<String, String> r : rows)
            by.putIfAbsent(r.get(variable), r);
        return by;
    }
}
