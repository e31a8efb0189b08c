package org.w3id.silkgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.silkgraph.query.CannedQueries;
import org.w3id.silkgraph.query.CannedQuery;
import org.w3id.silkgraph.server.HeadlessChromium.Keys;

/**
 * The query page in a real browser: headless Chromium loads it from the server, runs canned and
 * typed queries, and the screenshots go to {@code target/screenshots/} (the build directory's).
 * Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}; without them the test fails and
 * says how to install them.
 */
class QueryPageBrowserTest {

    private static final int DESKTOP_WIDTH = 1280;
    private static final int DESKTOP_HEIGHT = 900;
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    private static final Duration RESULT_WAIT = Duration.ofSeconds(10);

    /** What the page shows, as one JSON object, read in one script call. */
    private static final String PAGE_STATE = """
            const q = (s) => document.querySelector(s);
            const error = q('#error');
            return JSON.stringify({
              queries: Array.from(document.querySelectorAll('#query-list button')).map(b => b.dataset.query),
              selected: Array.from(document.querySelectorAll('#query-list button[aria-pressed="true"]')).map(b => b.dataset.query),
              editor: q('#editor').value,
              title: q('#query-title').textContent,
              running: q('#run').disabled,
              resultsShown: !q('#results').hidden,
              status: q('#status').textContent,
              headers: Array.from(document.querySelectorAll('#results thead th')).map(th => th.textContent),
              rows: Array.from(document.querySelectorAll('#results tbody tr'))
                  .map(tr => Array.from(tr.cells).map(td => td.textContent)),
              links: Array.from(document.querySelectorAll('#results tbody a')).map(a => a.href),
              answer: q('#results .answer') ? q('#results .answer').textContent : null,
              graph: q('#results pre.graph') ? q('#results pre.graph').textContent : null,
              error: error.hidden ? null : error.innerText,
              errorColor: getComputedStyle(error).color,
              innerWidth: window.innerWidth,
              horizontalOverflow: document.documentElement.scrollWidth - window.innerWidth,
              navBottom: q('nav.queries').getBoundingClientRect().bottom,
              navRight: q('nav.queries').getBoundingClientRect().right,
              editorTop: q('.editor-card').getBoundingClientRect().top,
              editorLeft: q('.editor-card').getBoundingClientRect().left
            });""";

    private static GraphServer server;
    private static HeadlessChromium chromium;
    private static Path screenshots;

    @BeforeAll
    static void start() throws IOException {
        String missing = HeadlessChromium.missing();
        if (missing != null)
            fail(missing);
        screenshots = buildDirectory().resolve("screenshots");
        server = GraphServer.create().dataset(MiniGraph.load().asDatasetGraph()).port(0).build().start();
        chromium = HeadlessChromium.start(screenshots.resolve("chromedriver.log"), DESKTOP_WIDTH, DESKTOP_HEIGHT);
    }

    @AfterAll
    static void stop() {
        try {
            if (chromium != null)
                chromium.close();
        } finally {
            if (server != null)
                server.stop();
        }
    }

    @Test
    void runsACannedQueryAndShowsItsRowsInATable() throws IOException {
        openPage(DESKTOP_WIDTH, DESKTOP_HEIGHT);
        List<String> names = CannedQueries.builtIn().all().stream().map(CannedQuery::name).toList();
        JsonObject page = state();
        assertEquals(names, strings(page, "queries"), "the canned queries are listed");

        chromium.click(chromium.find("#query-list button[data-query='events']"));
        page = state();
        assertEquals(List.of("events"), strings(page, "selected"));
        assertEquals(CannedQueries.builtIn().find("events").orElseThrow().text(), string(page, "editor"));

        chromium.click(chromium.find("#run"));
        page = waitForAnswer();
        assertNull(nullableString(page, "error"), "no error box");
        assertEquals(List.of("#", "event", "eventLabel", "places", "startDate", "endDate", "organizers"),
                strings(page, "headers"));
        List<List<String>> rows = rows(page);
        assertEquals(2, rows.size(), rows.toString());
        List<String> forum = rows.stream().filter(row -> row.contains("中俄科技合作论坛")).findFirst()
                .orElseThrow(() -> new AssertionError("no 中俄科技合作论坛 in " + rows));
        assertEquals(List.of("id:event/中俄科技合作论坛", "中俄科技合作论坛", "重庆市", "2024-05-20", "2024-05-22"),
                forum.subList(1, 6), "IRIs shortened, literals plain");
        assertTrue(forum.get(6).contains("科学技术部") && forum.get(6).contains("重庆市人民政府"), forum.toString());
        assertTrue(strings(page, "links").contains("https://w3id.org/silkgraph/id/event/%E4%B8%AD%E4%BF%84%E7%A7%91%E6%8A%80%E5%90%88%E4%BD%9C%E8%AE%BA%E5%9D%9B"),
                "IRIs are links: " + strings(page, "links"));
        assertTrue(string(page, "status").matches("2 rows · \\d+ ms"), string(page, "status"));
        assertTrue(number(page, "navRight") <= number(page, "editorLeft"), "the list is beside the editor: " + page);

        saveScreenshot("query-page.png");
        assertEquals(List.of(), chromium.severeConsoleMessages(), "errors in the browser console");
    }

    /** Typed with the keyboard: Tab indents by two spaces, Ctrl+Enter runs. */
    @Test
    void showsTheParserMessageOfABadQueryInARedBox() throws IOException {
        openPage(DESKTOP_WIDTH, DESKTOP_HEIGHT);
        chromium.execute("document.getElementById('editor').value = '';");
        String editor = chromium.find("#editor");
        chromium.type(editor, "SELECT * WHERE {\n" + Keys.TAB + "?s ?p }");
        JsonObject typed = state();
        assertEquals("SELECT * WHERE {\n  ?s ?p }", string(typed, "editor"), "Tab inserts two spaces");
        assertTrue(string(typed, "title").endsWith(" · edited"), string(typed, "title"));

        chromium.type(editor, Keys.CONTROL + Keys.ENTER + Keys.NULL);
        JsonObject page = waitForAnswer();
        String error = nullableString(page, "error");
        assertTrue(error != null && error.startsWith("HTTP 400"), "error box: " + error);
        assertTrue(error.contains("Encountered") && error.contains("line 2, column 9"), error);
        assertFalse(error.contains("Fuseki - version"), error);
        assertEquals("rgb(180, 35, 24)", string(page, "errorColor"), "red");
        assertFalse(page.get("resultsShown").getAsBoolean().value());
        saveScreenshot("query-page-error.png");
    }

    @Test
    void answersAskAndShowsAConstructAsTurtle() {
        openPage(DESKTOP_WIDTH, DESKTOP_HEIGHT);
        runTyped("ASK { ?s <http://www.w3.org/2000/01/rdf-schema#label> \"南宁市\"@zh }");
        assertEquals("true", nullableString(state(), "answer"));

        runTyped("""
                PREFIX sg: <https://w3id.org/silkgraph/ontology#>
                CONSTRUCT { ?a sg:cooperatesWith ?b } WHERE { ?a sg:cooperatesWith ?b }""");
        String turtle = nullableString(state(), "graph");
        assertTrue(turtle != null && turtle.contains("cooperatesWith") && turtle.contains("country/KZ"), turtle);
    }

    @Test
    void theQueryNamedInTheAddressIsChosen() {
        openPage(DESKTOP_WIDTH, DESKTOP_HEIGHT);
        chromium.navigate(server.pageUrl() + "#lab-standards");
        JsonObject page = waitFor("the canned queries", p -> !strings(p, "selected").isEmpty());
        assertEquals(List.of("lab-standards"), strings(page, "selected"));
        assertEquals(CannedQueries.builtIn().find("lab-standards").orElseThrow().text(), string(page, "editor"));
        chromium.click(chromium.find("#query-list button[data-query='events']"));
        assertEquals("#events", chromium.execute("return location.hash;").getAsString().value());
    }

    @Test
    void stacksVerticallyInAPhoneSizedWindow() throws IOException {
        openPage(PHONE_WIDTH, PHONE_HEIGHT);
        chromium.click(chromium.find("#query-list button[data-query='events']"));
        chromium.click(chromium.find("#run"));
        JsonObject page = waitForAnswer();
        assertEquals(2, rows(page).size());
        assertTrue(number(page, "innerWidth") <= 700, "inner width " + number(page, "innerWidth"));
        assertTrue(number(page, "navBottom") <= number(page, "editorTop"),
                "the query list is above the editor: " + page);
        assertTrue(number(page, "horizontalOverflow") <= 0, "the page does not scroll sideways: " + page);
        chromium.execute("window.scrollTo(0, 0);");
        saveScreenshot("query-page-phone.png");
        assertEquals(List.of(), chromium.severeConsoleMessages(), "errors in the browser console");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Loads the page in a window of this size and waits until the canned queries are listed. */
    private static void openPage(int width, int height) {
        long[] viewport = chromium.resize(width, height);
        assertEquals(List.of((long) width, (long) height), List.of(viewport[0], viewport[1]), "viewport");
        chromium.severeConsoleMessages();   // what earlier tests left in the log
        chromium.navigate(server.pageUrl());
        waitFor("the canned queries", page -> !strings(page, "queries").isEmpty() && !string(page, "editor").isEmpty());
    }

    private static void runTyped(String query) {
        chromium.execute("document.getElementById('editor').value = arguments[0];", query);
        chromium.click(chromium.find("#run"));
        waitForAnswer();
    }

    /** Until the query has run and the page shows rows, an answer, a graph or an error. */
    private static JsonObject waitForAnswer() {
        return waitFor("the query's answer", page -> !page.get("running").getAsBoolean().value()
                && (page.get("resultsShown").getAsBoolean().value() || nullableString(page, "error") != null));
    }

    private static JsonObject waitFor(String what, Predicate<JsonObject> done) {
        long deadline = System.nanoTime() + RESULT_WAIT.toNanos();
        JsonObject page = state();
        while (!done.test(page)) {
            if (System.nanoTime() > deadline)
                fail("No " + what + " within " + RESULT_WAIT.toSeconds() + " s; the page shows " + page);
            HeadlessChromium.sleep(100);
            page = state();
        }
        return page;
    }

    private static JsonObject state() {
        return JSON.parse(chromium.execute(PAGE_STATE).getAsString().value());
    }

    private static void saveScreenshot(String name) throws IOException {
        chromium.saveScreenshot(screenshots, name);
    }

    /**
     * The build directory, where the test classes were compiled to ({@code target/}, or what
     * {@code -Dbuild.dir} named), so that screenshots of parallel builds do not overwrite each other.
     */
    static Path buildDirectory() {
        try {
            Path classes = Path.of(QueryPageBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(classes) && classes.getFileName().toString().equals("test-classes"))
                return classes.getParent();
        } catch (URISyntaxException | RuntimeException e) {
            // fall back to the project's target folder
        }
        return Path.of(System.getProperty("basedir", "."), "target");
    }

    private static String string(JsonObject object, String key) {
        return object.get(key).getAsString().value();
    }

    private static String nullableString(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value == null || value.isNull() ? null : value.getAsString().value();
    }

    private static double number(JsonObject object, String key) {
        return object.get(key).getAsNumber().value().doubleValue();
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.get(key).getAsArray().stream().map(v -> v.getAsString().value()).toList();
    }

    private static List<List<String>> rows(JsonObject object) {
        return object.get("rows").getAsArray().stream()
                .map(row -> row.getAsArray().stream().map(v -> v.getAsString().value()).toList()).toList();
    }
}
