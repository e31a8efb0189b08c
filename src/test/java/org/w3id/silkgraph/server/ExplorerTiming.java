package org.w3id.silkgraph.server;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;

/**
 * How long an entity page of the explorer takes in headless Chromium against a running server, e.g.
 * one serving the store built from the whole corpus:
 * <pre>
 *   mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 *   java -cp target/test-classes:target/classes:$(cat cp.txt) org.w3id.silkgraph.server.ExplorerTiming \
 *       http://localhost:3102/ https://w3id.org/silkgraph/id/country/CN 5 [screenshot.png]
 * </pre>
 * Each load is a fresh navigation (a new document), timed from the navigation's start to the moment
 * the page marks itself rendered ({@code body[data-rendered]}: head, facts, events and picture all
 * drawn), as the page's own clock ({@code performance.now()}) tells it, with when each query and
 * drawing step started and how long it took. The first load is the first after the server started if
 * nothing else asked for the entity; the others find the store's caches warm. At the end the page's
 * queries run once more one at a time: what each costs the server alone.
 */
public final class ExplorerTiming {

    private ExplorerTiming() {}

    public static void main(String[] args) throws IOException {
        String base = args[0].endsWith("/") ? args[0] : args[0] + "/";
        String iri = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path screenshot = args.length > 3 ? Path.of(args[3]) : null;
        String url = base + "explorer.html#e=" + URLEncoder.encode(iri, StandardCharsets.UTF_8);
        Path folder = Files.createTempDirectory("explorer-timing-");
        Path log = folder.resolve("chromedriver.log");
        List<Long> times = new ArrayList<>();
        try (HeadlessChromium chromium = HeadlessChromium.start(log, 1280, 900)) {
            chromium.resize(1280, 900);
            for (int run = 0; run < runs; run++) {
                chromium.navigate("about:blank");
                long wall = System.nanoTime();
                chromium.navigate(url);
                JsonObject state = waitUntilRendered(chromium);
                long wallMs = (System.nanoTime() - wall) / 1_000_000;
                long renderedAt = Long.parseLong(state.get("renderedAt").getAsString().value());
                times.add(renderedAt);
                System.out.printf(Locale.ROOT, "run %d: rendered %d ms after navigation start (WebDriver wall clock %d ms);"
                        + " %s; network: %s; %s nodes; error: %s%n", run + 1, renderedAt, wallMs,
                        state.get("label").getAsString().value(), state.get("network").getAsString().value(),
                        state.get("nodes").getAsString().value(), state.get("error"));
                System.out.println("  queries (start+duration): " + state.get("queries").getAsString().value());
            }
            if (screenshot != null)
                Files.write(screenshot, chromium.screenshot());
            // The same queries once more, one at a time: what each costs the server alone.
            String alone = chromium.executeAsync("""
                    const done = arguments[arguments.length - 1];
                    (async () => {
                      const out = [];
                      for (const t of SG.timings.filter((t, i, all) => t.query && all.findIndex(u => u.query === t.query) === i)) {
                        const start = performance.now();
                        await SG.select(t.query, 'replay');
                        out.push(t.what + ' ' + Math.round(performance.now() - start) + 'ms');
                      }
                      return out.join(', ');
                    })().then(done);""").getAsString().value();
            System.out.println("one at a time: " + alone);
            List<String> severe = chromium.severeConsoleMessages();
            if (!severe.isEmpty())
                System.out.println("console errors: " + severe);
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(folder);
        }
        List<Long> warm = times.subList(Math.min(1, times.size()), times.size());
        System.out.printf(Locale.ROOT, "first %d ms; later runs %s ms (max %d ms)%n", times.get(0), warm,
                warm.stream().mapToLong(Long::longValue).max().orElse(times.get(0)));
    }

    private static JsonObject waitUntilRendered(HeadlessChromium chromium) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                org.apache.jena.atlas.json.JsonValue value = chromium.execute("""
                        const b = document.body;
                        if (!b || b.dataset.rendered !== 'true') return null;
                        const error = document.getElementById('error');
                        return JSON.stringify({renderedAt: b.dataset.renderedAt,
                          label: document.getElementById('entity-label').textContent,
                          network: document.getElementById('network-status').textContent,
                          nodes: document.getElementById('network').dataset.nodes || '0',
                          error: error.hidden ? null : error.innerText,
                          queries: SG.timings.map(t => t.what + ' ' + t.start + '+' + t.ms + 'ms').join(', ')});""");
                if (value != null && !value.isNull())
                    return JSON.parse(value.getAsString().value());
            } catch (IllegalStateException e) {
                // navigating
            }
            HeadlessChromium.sleep(20);
        }
        throw new IllegalStateException("the page did not render within 60 s");
    }
}
