package org.w3id.silkgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.silkgraph.server.GraphServer;
import org.w3id.silkgraph.server.MiniGraph;
import org.w3id.silkgraph.server.SparqlHttp;

/** Every canned query, run over HTTP against the real server on the hand-written fixture. */
class CannedQueryResultsTest {

    private static final String SG = "https://w3id.org/silkgraph/ontology#";
    private static final String ID = "https://w3id.org/silkgraph/id/";
    /** The queries checked here; a new canned query must get a test. */
    private static final Set<String> CHECKED = Set.of("cooperation-partners", "events", "lab-standards",
            "organizers-by-events", "people-affiliations", "document-facts", "fact-evidence", "shared-entities",
            "search-labels");

    private static Dataset dataset;
    private static GraphServer server;
    private final SparqlHttp http = new SparqlHttp();

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
    void everyCannedQueryIsChecked() {
        assertEquals(CHECKED, CannedQueries.builtIn().all().stream().map(CannedQuery::name).collect(Collectors.toSet()));
    }

    @Test
    void searchLabelsFindsWholeNamesFromPartsInEitherScript() {
        List<String> found = run("search-labels").stream().map(r -> r.get("label")).toList();
        assertTrue(found.containsAll(List.of("重庆市", "重庆市人民政府")), found.toString());
        assertEquals(found, runEdited("search-labels", "\"重庆\"", "\"重慶\"").stream().map(r -> r.get("label")).toList());
        assertEquals(List.of("科学技术部"), runEdited("search-labels", "\"重庆\"", "\"科技部\"").stream().map(r -> r.get("label")).toList());
    }

    @Test
    void cooperationPartnersOfChinaWithTheirDocumentCounts() {
        List<Map<String, String>> rows = run("cooperation-partners");
        assertEquals(List.of(
                Map.of("partner", ID + "country/RU", "partnerLabel", "俄罗斯", "documents", "2"),
                Map.of("partner", ID + "country/KZ", "partnerLabel", "哈萨克斯坦", "documents", "1")), rows);
    }

    @Test
    void cooperationPartnersOfAnotherCountryPickedByAlias() {
        assertEquals(run("cooperation-partners"), runEdited("cooperation-partners", "\"中国\"", "\"我国\""));
        assertEquals(List.of(Map.of("partner", ID + "country/CN", "partnerLabel", "中国", "documents", "2")),
                runEdited("cooperation-partners", "\"中国\"", "\"俄方\""));
        assertEquals(List.of(Map.of("partner", ID + "country/CN", "partnerLabel", "中国", "documents", "1")),
                runEdited("cooperation-partners", "\"中国\"", "\"哈萨克斯坦\""));
    }

    @Test
    void eventsWithPlaceDatesAndOrganizers() {
        Map<String, Map<String, String>> byLabel = byColumn(run("events"), "eventLabel");
        assertEquals(Set.of("中俄科技合作论坛", "中国—东盟技术转移大会"), byLabel.keySet());

        Map<String, String> forum = byLabel.get("中俄科技合作论坛");
        assertEquals("重庆市", forum.get("places"));
        assertEquals("2024-05-20", forum.get("startDate"));
        assertEquals("2024-05-22", forum.get("endDate"));
        assertEquals(Set.of("科学技术部", "重庆市人民政府"), Set.of(forum.get("organizers").split("、")));

        Map<String, String> conference = byLabel.get("中国—东盟技术转移大会");
        assertEquals("南宁市", conference.get("places"));
        assertEquals("--09-18", conference.get("startDate"));
        assertFalse(conference.containsKey("endDate"));
        assertEquals("科学技术部", conference.get("organizers"));
    }

    @Test
    void labsAndTheStandardsAndProgramsTheyLead() {
        List<Map<String, String>> rows = run("lab-standards");
        assertEquals(List.of("丝路新材料计划", "石墨烯材料国际标准"), column(rows, "ledLabel"));
        assertEquals(List.of(SG + "Program", SG + "Standard"), column(rows, "kind"));
        assertEquals(List.of("中俄先进材料联合实验室", "中俄先进材料联合实验室"), column(rows, "labLabel"));
    }

    @Test
    void organizersRankedByEvents() {
        List<Map<String, String>> rows = run("organizers-by-events");
        assertEquals(List.of("科学技术部", "重庆市人民政府"), column(rows, "organizationLabel"));
        assertEquals(List.of("2", "1"), column(rows, "events"));
    }

    @Test
    void peopleWithTheirAffiliationsOrNone() {
        List<Map<String, String>> rows = run("people-affiliations");
        assertEquals(List.of(
                Map.of("person", ID + "person/张伟", "personLabel", "张伟", "documents", "1",
                       "organization", ID + "org/清华大学", "organizationLabel", "清华大学"),
                Map.of("person", ID + "person/李娜", "personLabel", "李娜", "documents", "1")), rows);
    }

    @Test
    void factsOfTheDocumentPickedById() {
        List<Map<String, String>> rows = run("document-facts");
        assertEquals(statementsDerivedFrom("doc/001_1f754e89af8162ba"), rows.size());
        assertEquals(Set.of("001_1f754e89af8162ba.txt"), Set.copyOf(column(rows, "fileName")));
        assertEquals(List.of(
                "0 中国 cooperatesWith 俄罗斯",
                "1 中俄科技合作论坛 endDate 2024-05-22",
                "1 中俄科技合作论坛 heldIn 重庆市",
                "1 中俄科技合作论坛 organizedBy 科学技术部",
                "1 中俄科技合作论坛 organizedBy 重庆市人民政府",
                "1 中俄科技合作论坛 startDate 2024-05-20"),
                rows.stream().map(row -> row.get("sentenceIndex") + " " + row.get("subject") + " "
                        + row.get("property").substring(SG.length()) + " " + row.get("object")).toList());
        assertEquals("中方愿同俄方深化科技合作。", rows.get(0).get("evidence"));
    }

    @Test
    void factsOfAnotherDocumentByEditingTheFileName() {
        List<Map<String, String>> rows = runEdited("document-facts", "\"001_1f754e89af8162ba\"", "\"002_9f8e7d6c5b4a3928\"");
        assertEquals(statementsDerivedFrom("doc/002_9f8e7d6c5b4a3928"), rows.size());
        assertEquals(Set.of("002_9f8e7d6c5b4a3928.txt"), Set.copyOf(column(rows, "fileName")));
        assertTrue(rows.contains(Map.of("fileName", "002_9f8e7d6c5b4a3928.txt", "sentenceIndex", "2",
                "subject", "张伟", "property", SG + "affiliatedWith", "object", "清华大学",
                "evidence", "清华大学教授张伟出席了由科学技术部主办的中国—东盟技术转移大会。")), rows.toString());
    }

    @Test
    void everyFactAboutAnEntityWithItsSentenceFileAndOffsets() {
        List<Map<String, String>> rows = run("fact-evidence");
        assertEquals(statementsAbout("country/RU"), rows.size());
        for (Map<String, String> row : rows) {
            int length = Integer.parseInt(row.get("endOffset")) - Integer.parseInt(row.get("startOffset"));
            assertEquals(length, row.get("evidence").codePointCount(0, row.get("evidence").length()), row.toString());
        }
        List<Map<String, String>> chinaRussia = rows.stream()
                .filter(row -> row.get("subject").equals("中国") && row.get("object").equals("俄罗斯")).toList();
        assertEquals(List.of("001_1f754e89af8162ba.txt 0-13 中方愿同俄方深化科技合作。",
                             "002_9f8e7d6c5b4a3928.txt 0-23 中国与俄罗斯、哈萨克斯坦在新材料领域开展合作。"),
                chinaRussia.stream().map(row -> row.get("fileName") + " " + row.get("startOffset") + "-"
                        + row.get("endOffset") + " " + row.get("evidence")).toList());
    }

    @Test
    void entitiesMentionedInMoreThanOneDocument() {
        List<Map<String, String>> rows = run("shared-entities");
        assertEquals(List.of("中国", "俄罗斯", "科学技术部"), column(rows, "entityLabel"));
        assertEquals(List.of("2", "2", "2"), column(rows, "documents"));
    }

    private List<Map<String, String>> run(String name) {
        return http.select(server.endpoint(), CannedQueries.builtIn().find(name).orElseThrow().text());
    }

    /** As a user edits the line the description points to. */
    private List<Map<String, String>> runEdited(String name, String original, String edited) {
        String text = CannedQueries.builtIn().find(name).orElseThrow().text();
        assertTrue(text.contains(original), name + " has no " + original);
        return http.select(server.endpoint(), text.replace(original, edited));
    }

    private static List<String> column(List<Map<String, String>> rows, String variable) {
        return rows.stream().map(row -> row.get(variable)).toList();
    }

    private static Map<String, Map<String, String>> byColumn(List<Map<String, String>> rows, String variable) {
        return rows.stream().collect(Collectors.toMap(row -> row.get(variable), Function.identity()));
    }

    /** Counted with Jena's graph API over the union of the documents' graphs. */
    private static long statementsAbout(String entity) {
        Node node = NodeFactory.createURI(ID + entity);
        return dataset.calculateRead(() -> (long) (dataset.asDatasetGraph().getUnionGraph().find(Node.ANY, RDF.Nodes.subject, node).toList().size()
                + dataset.asDatasetGraph().getUnionGraph().find(Node.ANY, RDF.Nodes.object, node).toList().size()));
    }

    private static long statementsDerivedFrom(String document) {
        Node derivedFrom = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
        return dataset.calculateRead(() -> (long) dataset.asDatasetGraph().getUnionGraph()
                .find(Node.ANY, derivedFrom, NodeFactory.createURI(ID + document)).toList().size());
    }
}
