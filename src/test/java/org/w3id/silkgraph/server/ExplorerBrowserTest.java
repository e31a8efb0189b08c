package org.w3id.silkgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.silkgraph.Seeds;
import org.w3id.silkgraph.SilkGraph;
import org.w3id.silkgraph.server.HeadlessChromium.Keys;
import org.w3id.silkgraph.store.GraphStore;

/**
 * The explorer and the overview in headless Chromium, against a server built from the five seeds:
 * search 俄罗斯, its page with a cooperation fact and its evidence sentence, the neighbourhood picture,
 * a click on an event in the picture, the overview's timeline in date order, a phone-sized window.
 * Screenshots go to {@code screenshots/} in the build directory (the README shows copies from docs/).
 */
class ExplorerBrowserTest {

    private static final int DESKTOP_WIDTH = 1280;
    private static final int DESKTOP_HEIGHT = 900;
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String RUSSIA = "https://w3id.org/silkgraph/id/country/RU";

    /** What the explorer shows, read in one script call. */
    private static final String EXPLORER_STATE = """
            const q = (s) => document.querySelector(s);
            const all = (s, root) => Array.from((root || document).querySelectorAll(s));
            const shown = (id) => !document.getElementById(id).hidden;
            const error = q('#error');
            const net = q('#network');
            const chart = window.echarts && net ? echarts.getInstanceByDom(net) : null;
            const option = chart ? chart.getOption() : null;
            return JSON.stringify({
              rendered: document.body.dataset.rendered === 'true',
              hash: location.hash,
              view: ['home', 'results', 'entity'].filter(shown),
              error: error.hidden ? null : error.innerText,
              results: all('#result-list li.result a.entity-link').map(a => a.textContent),
              label: q('#entity-label').textContent,
              classes: all('#entity-classes .chip').map(c => c.textContent),
              details: all('#entity-details .detail').map(d => d.innerText.replace(/\\s+/g, ' ')),
              groups: all('#facts .fact-group').map(g => ({
                property: g.dataset.property || '',
                direction: g.dataset.direction || '',
                facts: all('li.fact', g).map(li => ({
                  other: li.querySelector('.fact-main a.entity-link, .fact-main .fact-value') ?
                      li.querySelector('.fact-main a.entity-link, .fact-main .fact-value').textContent : '',
                  evidence: li.querySelector('blockquote.evidence') ? li.querySelector('blockquote.evidence').textContent : '',
                  marks: all('blockquote.evidence mark', li).map(m => m.textContent),
                  source: li.querySelector('.source a') ? li.querySelector('.source a').textContent : ''
                })),
                chips: all('.chip-cloud a', g).map(a => a.textContent)
              })),
              events: all('#event-list li.event-row .event-what > a.entity-link').map(a => a.textContent),
              nodes: option ? option.series[0].data.length : 0,
              links: option ? option.series[0].links.length : 0,
              networkStatus: q('#network-status').textContent,
              horizontalOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
              wideElements: Array.from(document.querySelectorAll("body *")).filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).slice(0, 5).map(e => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right)),
              innerWidth: window.innerWidth
            });""";

    private static final String OVERVIEW_STATE = """
            const q = (s) => document.querySelector(s);
            const all = (s) => Array.from(document.querySelectorAll(s));
            const error = q('#error');
            const chart = window.echarts ? echarts.getInstanceByDom(q('#cooperation')) : null;
            return JSON.stringify({
              rendered: document.body.dataset.rendered === 'true',
              error: error.hidden ? null : error.innerText,
              years: all('#year option').map(o => o.value),
              year: q('#year').value,
              timeline: all('#timeline li.event-row').map(li => ({
                start: li.dataset.start,
                label: li.querySelector('.event-what > a').textContent,
                meta: li.querySelector('.event-meta').innerText
              })),
              headings: all('#timeline li.timeline-year').map(li => li.textContent),
              pairs: all('#pairs tbody tr').map(tr => tr.cells[0].innerText.replace(/\\s+/g, ' ')),
              nodes: chart ? chart.getOption().series[0].data.length : 0,
              horizontalOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth
            });""";

    private static DatasetGraph dataset;
    private static GraphServer server;
    private static HeadlessChromium chromium;
    private static Path screenshots;

    @BeforeAll
    static void start() throws IOException {
        String missing = HeadlessChromium.missing();
        if (missing != null)
            fail(missing);
        screenshots = QueryPageBrowserTest.buildDirectory().resolve("screenshots");
        dataset = GraphStore.inMemory();
        SilkGraph silkGraph = SilkGraph.standard();
        for (Path seed : Seeds.all())
            GraphStore.add(dataset, silkGraph.extract(Seeds.document(seed)));
        server = GraphServer.create().dataset(dataset).port(0).build().start();
        chromium = HeadlessChromium.start(screenshots.resolve("chromedriver-explorer.log"), DESKTOP_WIDTH, DESKTOP_HEIGHT);
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

    /** The must-show flow: search → entity page → a cooperation fact with evidence → picture → an event. */
    @Test
    void searchRussiaSeeItsCooperationAndItsNeighbourhoodThenOpenAnEvent() throws IOException {
        open("explorer.html", DESKTOP_WIDTH, DESKTOP_HEIGHT);
        JsonObject home = waitForExplorer("the home page", p -> true);
        assertEquals(List.of("home"), strings(home, "view"));

        String box = chromium.find("#q");
        chromium.type(box, "俄罗斯" + Keys.ENTER);
        JsonObject results = waitForExplorer("search results", p -> strings(p, "view").equals(List.of("results")));
        List<String> found = strings(results, "results");
        assertFalse(found.isEmpty(), "results for 俄罗斯");
        assertEquals("俄罗斯", found.get(0), "the entity named exactly 俄罗斯 comes first: " + found);
        assertTrue(found.stream().filter(label -> label.contains("俄罗斯")).count() >= 5,
                "the full-text search finds names containing 俄罗斯: " + found);
        assertEquals("#q=" + java.net.URLEncoder.encode("俄罗斯", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"),
                string(results, "hash"), "the search is in the address");
        saveScreenshot("explorer-search.png");

        chromium.click(chromium.find("#result-list li.result a.entity-link"));
        JsonObject page = waitForExplorer("俄罗斯's page", p -> strings(p, "view").equals(List.of("entity")));
        assertNoError(page);
        assertEquals("#e=" + java.net.URLEncoder.encode(RUSSIA, java.nio.charset.StandardCharsets.UTF_8),
                string(page, "hash"), "a stable, linkable address");
        assertEquals("俄罗斯", string(page, "label"));
        assertTrue(strings(page, "classes").contains("国家"), strings(page, "classes").toString());
        String details = String.join(" | ", strings(page, "details"));
        assertTrue(details.contains("RU") && details.contains("RUS"), "ISO codes: " + details);
        assertTrue(details.contains("俄罗斯联邦") && details.contains("俄方"), "other names: " + details);

        JsonObject cooperation = group(page, "cooperatesWith");
        JsonObject china = facts(cooperation).stream().filter(f -> string(f, "other").equals("中国")).findFirst()
                .orElseThrow(() -> new AssertionError("no cooperation with 中国 in " + cooperation));
        String evidence = string(china, "evidence");
        assertTrue(evidence.contains("俄") && evidence.length() > 10, "the evidence sentence: " + evidence);
        assertFalse(strings(china, "marks").isEmpty(), "the partner's name is highlighted in " + evidence);
        assertTrue(string(china, "source").endsWith(".txt"), "the source document: " + china);

        long nodes = number(page, "nodes");
        assertTrue(nodes >= 3, "the neighbourhood picture has " + nodes + " nodes");
        assertTrue(number(page, "links") >= 2, "and links: " + page);
        assertTrue(strings(page, "events").contains("第八届中俄工程技术论坛"),
                "the events of its organizations: " + strings(page, "events"));
        saveScreenshot("explorer-entity.png");
        assertEquals(List.of(), chromium.severeConsoleMessages(), "errors in the browser console");

        // Click the event's node in the picture, as a user would.
        long[] point = nodeOnScreen("第八届中俄工程技术论坛");
        chromium.clickAt(point[0], point[1]);
        JsonObject event = waitForExplorer("the event's page", p -> string(p, "label").equals("第八届中俄工程技术论坛"));
        assertNoError(event);
        assertTrue(strings(event, "classes").contains("活动") && strings(event, "classes").contains("论坛"),
                "an event, and a forum: " + strings(event, "classes"));
        List<String> properties = event.get("groups").getAsArray().stream()
                .map(g -> g.getAsObject().get("property").getAsString().value()).toList();
        assertTrue(properties.containsAll(List.of("startDate", "organizedBy")), properties.toString());
        JsonObject organizers = group(event, "organizedBy");
        assertTrue(facts(organizers).stream().anyMatch(f -> string(f, "other").equals("俄罗斯科学工程协会联合会")
                && !string(f, "evidence").isEmpty()), organizers.toString());
        assertTrue(number(event, "nodes") >= 3, "the event's picture: " + event);
        chromium.execute("window.scrollTo(0, 0);");
        saveScreenshot("explorer-event.png");

        // A fact's partner is a link to its page.
        chromium.click(chromium.find("#facts .fact-group[data-property='organizedBy'] a.entity-link"));
        JsonObject organizer = waitForExplorer("an organizer's page", p -> !string(p, "label").equals("第八届中俄工程技术论坛"));
        assertTrue(strings(organizer, "classes").stream().anyMatch(c -> c.equals("社会团体") || c.equals("机构")),
                strings(organizer, "classes").toString());
        assertEquals(List.of(), chromium.severeConsoleMessages(), "errors in the browser console");
    }

    @Test
    void theOverviewListsTheSeedEventsInDateOrderAndFiltersByYear() throws IOException {
        open("overview.html", DESKTOP_WIDTH, DESKTOP_HEIGHT);
        JsonObject page = waitForOverview("the overview", p -> true);
        assertNoError(page);

        List<String> expected = datedEvents();
        List<JsonObject> timeline = page.get("timeline").getAsArray().stream().map(JsonValue::getAsObject).toList();
        assertEquals(expected, timeline.stream().map(e -> string(e, "label")).toList(),
                "every dated event of the seeds, by start date, month-days with no year last");
        List<String> starts = timeline.stream().map(e -> string(e, "start")).toList();
        List<String> full = starts.stream().filter(s -> !s.startsWith("--")).toList();
        assertEquals(full.stream().sorted().toList(), full, "dated events in date order: " + starts);
        assertTrue(full.size() >= 2, starts.toString());
        int firstMonthDay = starts.indexOf(starts.stream().filter(s -> s.startsWith("--")).findFirst().orElse(null));
        assertTrue(firstMonthDay < 0 || firstMonthDay >= full.size(), "year unknown after the dated ones: " + starts);
        JsonObject congress = timeline.stream().filter(e -> string(e, "label").equals("首届一带一路科技交流大会")).findFirst()
                .orElseThrow();
        assertTrue(string(congress, "meta").contains("重庆市") && string(congress, "meta").contains("科学技术部"),
                "city and organizers: " + congress);
        assertTrue(strings(page, "pairs").contains("中国 – 俄罗斯"), strings(page, "pairs").toString());
        assertTrue(number(page, "nodes") >= 2, "cooperation network: " + page);
        saveScreenshot("explorer-overview.png");

        List<String> years = strings(page, "years");
        assertTrue(years.contains("2023"), years.toString());
        chromium.execute("const s = document.getElementById('year'); s.value = '2023'; s.dispatchEvent(new Event('change'));");
        JsonObject in2023 = waitForOverview("the year 2023", p -> string(p, "year").equals("2023"));
        List<String> starts2023 = in2023.get("timeline").getAsArray().stream()
                .map(e -> string(e.getAsObject(), "start")).toList();
        assertFalse(starts2023.isEmpty());
        assertTrue(starts2023.stream().allMatch(s -> s.startsWith("2023-")), starts2023.toString());
        assertEquals(List.of("2023"), strings(in2023, "headings"));
        assertEquals(List.of(), chromium.severeConsoleMessages(), "errors in the browser console");
    }

    @Test
    void fitsAPhoneSizedWindow() throws IOException {
        open("explorer.html#e=" + java.net.URLEncoder.encode(RUSSIA, java.nio.charset.StandardCharsets.UTF_8),
                PHONE_WIDTH, PHONE_HEIGHT);
        JsonObject page = waitForExplorer("俄罗斯's page", p -> strings(p, "view").equals(List.of("entity")));
        assertNoError(page);
        assertTrue(number(page, "horizontalOverflow") <= 0, "the page does not scroll sideways: " + page);
        assertTrue(number(page, "nodes") >= 3, "the picture is drawn: " + page);
        assertEquals(1.0, fullWidthOfAChineseCharacter(), 0.05,
                "Chinese characters are drawn full-width by a CJK font (no boxes)");
        saveScreenshot("explorer-phone.png");

        open("overview.html", PHONE_WIDTH, PHONE_HEIGHT);
        JsonObject overview = waitForOverview("the overview", p -> true);
        assertNoError(overview);
        assertTrue(number(overview, "horizontalOverflow") <= 0, "the overview does not scroll sideways: " + overview);
        saveScreenshot("explorer-overview-phone.png");
        assertEquals(List.of(), chromium.severeConsoleMessages(), "errors in the browser console");
    }

    @Test
    void anUnknownEntityAndAFailingEndpointAreShownInARedBox() {
        open("explorer.html#e=" + java.net.URLEncoder.encode("https://w3id.org/silkgraph/id/country/XX",
                java.nio.charset.StandardCharsets.UTF_8), DESKTOP_WIDTH, DESKTOP_HEIGHT);
        JsonObject page = waitForExplorer("the error", p -> true);
        String error = string(page, "error");
        assertTrue(error.contains("Nothing is known"), error);
        String color = chromium.execute("return getComputedStyle(document.getElementById('error')).color;")
                .getAsString().value();
        assertEquals("rgb(180, 35, 24)", color, "red");

        // Graph text is text: a search for markup finds nothing and runs nothing.
        chromium.navigate(server.pageUrl() + "explorer.html#q=" + java.net.URLEncoder.encode("<img src=x onerror=alert(1)>\"俄",
                java.nio.charset.StandardCharsets.UTF_8));
        JsonObject results = waitForExplorer("search results", p -> strings(p, "view").equals(List.of("results")));
        assertNoError(results);
        assertEquals(0, (long) chromium.execute("return document.querySelectorAll('#results img').length;")
                .getAsNumber().value().longValue());
        chromium.severeConsoleMessages();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static void open(String path, int width, int height) {
        long[] viewport = chromium.resize(width, height);
        assertEquals(List.of((long) width, (long) height), List.of(viewport[0], viewport[1]), "viewport");
        chromium.severeConsoleMessages();   // what earlier tests left in the log
        chromium.navigate("about:blank");
        chromium.navigate(server.pageUrl() + path);
    }

    /** The dated events of the seeds, from the graph itself: by start date, month-days (--MM-DD) last. */
    private static List<String> datedEvents() {
        String query = """
                PREFIX sg: <https://w3id.org/silkgraph/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?label (MIN(STR(?d)) AS ?start) WHERE { ?e sg:startDate ?d ; rdfs:label ?label }
                GROUP BY ?e ?label""";
        List<String[]> events = new ArrayList<>();
        dataset.executeRead(() -> {
            try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                exec.select().forEachRemaining(b -> events.add(new String[] {
                        b.get("label").getLiteralLexicalForm(), b.get("start").getLiteralLexicalForm()}));
            }
        });
        events.sort((a, b) -> {
            String ka = a[1].startsWith("--") ? "~" + a[1] : a[1];
            String kb = b[1].startsWith("--") ? "~" + b[1] : b[1];
            int c = ka.compareTo(kb);
            return c != 0 ? c : java.text.Collator.getInstance(java.util.Locale.CHINESE).compare(a[0], b[0]);
        });
        return events.stream().map(e -> e[0]).toList();
    }

    /** Where a node of the neighbourhood picture can be clicked, in viewport pixels; scrolls it into view. */
    private static long[] nodeOnScreen(String label) {
        JsonArray point = chromium.execute("""
                const box = document.getElementById('network');
                box.scrollIntoView({block: 'center'});
                const chart = echarts.getInstanceByDom(box);
                const data = chart.getModel().getSeriesByIndex(0).getData();
                let index = -1;
                for (let i = 0; i < data.count(); i++) if (data.getName(i) === arguments[0]) index = i;
                if (index < 0) return null;
                const [x, y] = chart.convertToPixel({seriesIndex: 0}, data.getItemLayout(index));
                // A point of the node that no other node or label covers: what is under the pointer
                // there must be the node itself (or its own label), as the chart's hit test tells.
                const node = data.getItemGraphicEl(index);
                const handler = chart.getZr().handler;
                const ownedBy = (target) => {
                  for (let t = target; t; t = t.parent || t.__hostTarget) if (t === node) return true;
                  return false;
                };
                const rect = box.getBoundingClientRect();
                for (const r of [0, 2, 4, 6])
                  for (const a of [0, 1, 2, 3, 4, 5, 6, 7]) {
                    const px = Math.round(x + r * Math.cos(a * Math.PI / 4));
                    const py = Math.round(y + r * Math.sin(a * Math.PI / 4));
                    if (ownedBy(handler.findHover(px, py).target)) return [Math.round(rect.left + px), Math.round(rect.top + py)];
                  }
                return null;""", label).getAsArray();
        return new long[] {point.get(0).getAsNumber().value().longValue(), point.get(1).getAsNumber().value().longValue()};
    }

    /** The advance of 国 in the page's font over the font size: 1 for a CJK font, other for a missing glyph box. */
    private static double fullWidthOfAChineseCharacter() {
        return chromium.execute("""
                const canvas = document.createElement('canvas');
                const ctx = canvas.getContext('2d');
                ctx.font = '40px ' + getComputedStyle(document.body).fontFamily;
                return ctx.measureText('国际合作').width / 160;""").getAsNumber().value().doubleValue();
    }

    private static JsonObject waitForExplorer(String what, Predicate<JsonObject> done) {
        return waitFor(what, EXPLORER_STATE, p -> p.get("rendered").getAsBoolean().value() && done.test(p));
    }

    private static JsonObject waitForOverview(String what, Predicate<JsonObject> done) {
        return waitFor(what, OVERVIEW_STATE, p -> p.get("rendered").getAsBoolean().value() && done.test(p));
    }

    private static JsonObject waitFor(String what, String script, Predicate<JsonObject> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonObject page = state(script);
        while (page == null || !done.test(page)) {
            if (System.nanoTime() > deadline)
                fail("No " + what + " within " + WAIT.toSeconds() + " s; the page shows "
                        + (page != null ? page : lastProblem));
            HeadlessChromium.sleep(100);
            page = state(script);
        }
        return page;
    }

    private static String lastProblem;

    private static JsonObject state(String script) {
        try {
            return JSON.parse(chromium.execute(script).getAsString().value());
        } catch (IllegalStateException e) {
            try {
                lastProblem = e.getMessage() + " at " + chromium.execute("return location.href + ' ' + document.title + ' '"
                        + " + document.body.innerText.slice(0, 300);").getAsString().value();
            } catch (IllegalStateException again) {
                lastProblem = e.getMessage();
            }
            return null;   // the page is changing (a navigation); ask again
        }
    }

    private static void assertNoError(JsonObject page) {
        JsonValue error = page.get("error");
        assertTrue(error == null || error.isNull(), "error box: " + error);
    }

    private static JsonObject group(JsonObject page, String property) {
        return page.get("groups").getAsArray().stream().map(JsonValue::getAsObject)
                .filter(g -> string(g, "property").equals(property)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + property + " facts in " + page.get("groups")));
    }

    private static List<JsonObject> facts(JsonObject group) {
        return group.get("facts").getAsArray().stream().map(JsonValue::getAsObject).toList();
    }

    private static void saveScreenshot(String name) throws IOException {
        chromium.saveScreenshot(screenshots, name);
    }

    private static String string(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value == null || value.isNull() ? null : value.getAsString().value();
    }

    private static long number(JsonObject object, String key) {
        return object.get(key).getAsNumber().value().longValue();
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.get(key).getAsArray().stream().map(v -> v.getAsString().value()).toList();
    }
}
