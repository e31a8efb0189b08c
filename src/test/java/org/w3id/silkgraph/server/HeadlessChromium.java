package org.w3id.silkgraph.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/**
 * Headless Chromium driven through chromedriver with the W3C WebDriver protocol, spoken directly
 * over HTTP: no Selenium. {@link #start} runs {@code /usr/bin/chromedriver} on a free loopback port
 * and opens a session with a fresh profile; {@link #close} ends the session and stops the driver.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The key under which WebDriver names an element. */
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Process driver;
    private final Path profile;
    private final String session;

    private HeadlessChromium(Process driver, Path profile, String driverUrl, int width, int height) {
        this.driver = driver;
        this.profile = profile;
        String created;
        try {
            waitUntilReady(driverUrl);
            JsonObject response = send("POST", driverUrl + "/session", capabilities(width, height)).getAsObject();
            created = response.get("sessionId").getAsString().value();
        } catch (RuntimeException | Error e) {
            stopDriver();
            throw e;
        }
        this.session = driverUrl + "/session/" + created;
    }

    /** What to tell a developer whose machine lacks the browser: the test cannot pass without it. */
    static String missing() {
        List<String> absent = Stream.of(CHROMIUM, CHROMEDRIVER).filter(p -> !Files.isExecutable(p))
                .map(Path::toString).toList();
        if (absent.isEmpty())
            return null;
        return "The query page's browser test needs headless Chromium, but " + String.join(" and ", absent)
                + (absent.size() == 1 ? " is" : " are") + " missing. Install them with "
                + "`apt-get install -y chromium chromium-driver fonts-noto-cjk` (Debian; .ci/run does this on CI).";
    }

    /** Starts chromedriver, logging to {@code log}, and opens a browser window of the given size. */
    static HeadlessChromium start(Path log, int width, int height) throws IOException {
        Files.createDirectories(log.getParent());
        Path profile = Files.createTempDirectory("silkgraph-chromium-");
        int port = freePort();
        Process driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        driver.getOutputStream().close();
        return new HeadlessChromium(driver, profile, "http://127.0.0.1:" + port, width, height);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private JsonObject capabilities(int width, int height) {
        JsonArray args = new JsonArray();
        for (String arg : List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + "," + height, "--user-data-dir=" + profile))
            args.add(arg);
        JsonObject chromeOptions = new JsonObject();
        chromeOptions.put("binary", CHROMIUM.toString());
        chromeOptions.put("args", args);
        JsonObject logging = new JsonObject();
        logging.put("browser", "ALL");
        JsonObject alwaysMatch = new JsonObject();
        alwaysMatch.put("browserName", "chrome");
        alwaysMatch.put("goog:chromeOptions", chromeOptions);
        alwaysMatch.put("goog:loggingPrefs", logging);
        JsonObject capabilities = new JsonObject();
        capabilities.put("alwaysMatch", alwaysMatch);
        JsonObject body = new JsonObject();
        body.put("capabilities", capabilities);
        return body;
    }

    private void waitUntilReady(String driverUrl) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!driver.isAlive())
                throw new IllegalStateException("chromedriver exited with status " + driver.exitValue());
            try {
                HttpResponse<String> status = client.send(HttpRequest.newBuilder(URI.create(driverUrl + "/status"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (status.statusCode() == 200) {
                    JsonValue ready = JSON.parse(status.body()).get("value").getAsObject().get("ready");
                    if (ready != null && ready.isBoolean() && ready.getAsBoolean().value())
                        return;
                }
            } catch (IOException | RuntimeException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        throw new IllegalStateException("chromedriver did not become ready within 20 s");
    }

    void navigate(String url) {
        send("POST", session + "/url", object("url", url));
    }

    /** The first element matching a CSS selector. */
    String find(String css) {
        JsonObject query = object("using", "css selector");
        query.put("value", css);
        return send("POST", session + "/element", query).getAsObject().get(ELEMENT).getAsString().value();
    }

    void click(String element) {
        send("POST", session + "/element/" + element + "/click", new JsonObject());
    }

    /** Types into an element; U+E000.. are WebDriver's special keys (e.g. {@link Keys}). */
    void type(String element, String text) {
        send("POST", session + "/element/" + element + "/value", object("text", text));
    }

    /** Runs a script in the page ({@code arguments[0]…} are the strings given) and returns its value. */
    JsonValue execute(String script, String... arguments) {
        return run("sync", script, arguments);
    }

    /** Runs an asynchronous script, which ends by calling its last argument with its value. */
    JsonValue executeAsync(String script, String... arguments) {
        return run("async", script, arguments);
    }

    private JsonValue run(String mode, String script, String... arguments) {
        JsonArray args = new JsonArray();
        for (String argument : arguments)
            args.add(argument);
        JsonObject body = object("script", script);
        body.put("args", args);
        return send("POST", session + "/execute/" + mode, body);
    }

    /**
     * Makes the page's viewport this size (the window is larger by its frame, which headless
     * Chromium draws too) and returns the viewport's size as the page sees it, {width, height}.
     */
    long[] resize(int width, int height) {
        setWindowRect(width, height);
        long[] inner = viewport();
        if (inner[0] != width || inner[1] != height) {
            setWindowRect(width + (int) (width - inner[0]), height + (int) (height - inner[1]));
            inner = viewport();
        }
        return inner;
    }

    private void setWindowRect(int width, int height) {
        JsonObject rect = new JsonObject();
        rect.put("width", width);
        rect.put("height", height);
        send("POST", session + "/window/rect", rect);
    }

    private long[] viewport() {
        JsonArray size = execute("return [window.innerWidth, window.innerHeight];").getAsArray();
        return new long[] {size.get(0).getAsNumber().value().longValue(), size.get(1).getAsNumber().value().longValue()};
    }

    /**
     * A real click (pointer down and up, as a user's mouse makes them) at a point of the viewport,
     * e.g. on a node of a picture drawn on a canvas, where there is no element to find.
     */
    void clickAt(long x, long y) {
        JsonArray actions = new JsonArray();
        JsonObject move = new JsonObject();
        move.put("type", "pointerMove");
        move.put("duration", 0);
        move.put("origin", "viewport");
        move.put("x", x);
        move.put("y", y);
        actions.add(move);
        for (String type : List.of("pointerDown", "pointerUp")) {
            JsonObject press = new JsonObject();
            press.put("type", type);
            press.put("button", 0);
            actions.add(press);
        }
        JsonObject pointer = new JsonObject();
        pointer.put("type", "pointer");
        pointer.put("id", "mouse");
        JsonObject parameters = new JsonObject();
        parameters.put("pointerType", "mouse");
        pointer.put("parameters", parameters);
        pointer.put("actions", actions);
        JsonArray sources = new JsonArray();
        sources.add(pointer);
        JsonObject body = new JsonObject();
        body.put("actions", sources);
        send("POST", session + "/actions", body);
        send("DELETE", session + "/actions", null);
    }

    byte[] screenshot() {
        return Base64.getDecoder().decode(send("GET", session + "/screenshot", null).getAsString().value());
    }

    /** Saves a screenshot as {@code name} in {@code folder} (made if missing) and says where on standard output. */
    Path saveScreenshot(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        Files.write(file, screenshot());
        System.out.println("Screenshot: " + file.toAbsolutePath());
        return file;
    }

    /** The browser console's messages at level SEVERE: script errors, failed loads, blocked content. */
    List<String> severeConsoleMessages() {
        List<String> messages = new ArrayList<>();
        for (JsonValue entry : send("POST", session + "/se/log", object("type", "browser")).getAsArray()) {
            JsonObject message = entry.getAsObject();
            if (message.get("level").getAsString().value().equals("SEVERE"))
                messages.add(message.get("message").getAsString().value());
        }
        return messages;
    }

    @Override
    public void close() {
        try {
            send("DELETE", session, null);
        } finally {
            stopDriver();
        }
    }

    /** Stops chromedriver and whatever it started, then removes the profile. */
    private void stopDriver() {
        List<ProcessHandle> children = driver.descendants().toList();
        driver.destroy();
        try {
            if (!driver.waitFor(10, TimeUnit.SECONDS))
                driver.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : children) {
            if (child.isAlive())
                child.destroy();
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                child.destroyForcibly();
            }
        }
        deleteQuietly(profile);
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder; the system cleans it up eventually
        }
    }

    /** Sends a command and returns its "value"; a WebDriver error becomes an exception with its message. */
    private JsonValue send(String method, String url, JsonObject body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(COMMAND_TIMEOUT);
        if (body == null)
            request.method(method, HttpRequest.BodyPublishers.noBody());
        else
            request.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.toStringFlat(body), StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        JsonValue value = JSON.parse(response.body()).get("value");
        if (response.statusCode() != 200) {
            String error = value != null && value.isObject() && value.getAsObject().hasKey("message")
                    ? value.getAsObject().get("error").getAsString().value() + ": "
                      + value.getAsObject().get("message").getAsString().value()
                    : response.body();
            throw new IllegalStateException("WebDriver " + method + " " + url.replaceFirst("^.*?/session", "/session")
                    + " gave HTTP " + response.statusCode() + ": " + error);
        }
        return value;
    }

    private static JsonObject object(String key, String value) {
        JsonObject object = new JsonObject();
        object.put(key, value);
        return object;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** WebDriver's codes for keys that are not characters. */
    static final class Keys {
        static final String NULL = "\uE000";
        static final String TAB = "\uE004";
        static final String ENTER = "\uE007";
        static final String CONTROL = "\uE009";

        private Keys() {}
    }
}
