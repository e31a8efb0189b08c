package org.w3id.silkgraph.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.silkgraph.query.CannedQueries;
import org.w3id.silkgraph.query.CannedQuery;

/**
 * The query page and the explorer in the browser: the files of the classpath folder {@value #RESOURCE_FOLDER}
 * ({@code src/main/resources/org/w3id/silkgraph/web/}) at the root of the server, {@code index.html}
 * also at {@code /}, the canned queries with the path of the query endpoint at {@value #QUERIES}, and
 * the one file of the ECharts WebJar the explorer's pictures need at {@value #ECHARTS_PATH}.
 * <p>
 * The folder is listed once, when the server is built, and each file is read into memory and
 * registered as a servlet of its own under its exact path. A request's path is never turned into a
 * resource name: what is not registered falls through to Fuseki's last servlet, which answers 404,
 * so there is no directory listing and nothing outside the folder (or in a subfolder) can be reached.
 * Only GET and HEAD are answered; any other method on a page path gets 405. Every file has a strong
 * ETag, so a browser revalidates the (1 MB) library with a 304 instead of downloading it again.
 */
final class QueryPage {

    static final String RESOURCE_FOLDER = "org/w3id/silkgraph/web/";
    static final String INDEX = "index.html";
    static final String QUERIES = "/queries.json";
    /** Where the pages load ECharts from: a fixed path on this server, so they work offline. */
    static final String ECHARTS_PATH = "/lib/echarts.min.js";
    /** The file in the ECharts WebJar (org.webjars.npm:echarts, a dependency in pom.xml). */
    static final String ECHARTS_RESOURCE = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    private static final Logger LOG = LoggerFactory.getLogger(QueryPage.class);

    /** A plain file name: no path separators, no leading dot, so no hidden files and no "..". */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+");

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml; charset=utf-8",
            "txt", "text/plain; charset=utf-8",
            "png", "image/png",
            "ico", "image/x-icon");

    /**
     * The pages load their scripts and styles from this server only and send their queries nowhere
     * else; text from the graph is inserted as text, and this is the second line of defence. ECharts
     * draws on a canvas and sets styles through the CSSOM only (its tooltips are drawn as rich text on
     * the canvas), so it needs neither 'unsafe-eval' nor 'unsafe-inline'.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private QueryPage() {}

    /** Registers the page's files and {@value #QUERIES} on a Fuseki server being built. */
    static void addTo(FusekiServer.Builder fuseki) {
        Map<String, byte[]> files = listFiles(QueryPage.class.getClassLoader());
        if (!files.containsKey(INDEX))
            throw new IllegalStateException("No " + RESOURCE_FOLDER + INDEX + " on the classpath");
        files.forEach((name, content) -> fuseki.addServlet("/" + name, new StaticFile(name, content)));
        // "" is the servlet API's path spec for the context root, "/", and nothing under it.
        fuseki.addServlet("", new StaticFile(INDEX, files.get(INDEX)));
        fuseki.addServlet(QUERIES, new QueriesJson());
        fuseki.addServlet(ECHARTS_PATH, new StaticFile(ECHARTS_PATH, echarts(QueryPage.class.getClassLoader())));
    }

    /** The ECharts library from its WebJar on the classpath. */
    static byte[] echarts(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(ECHARTS_RESOURCE)) {
            if (in == null)
                throw new IllegalStateException("No " + ECHARTS_RESOURCE + " on the classpath (the WebJar org.webjars.npm:echarts)");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + ECHARTS_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** By file name; the first classpath entry that has a file wins, as it does for any resource. */
    static Map<String, byte[]> listFiles(ClassLoader loader) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            for (URL folder : Collections.list(loader.getResources(RESOURCE_FOLDER))) {
                Map<String, byte[]> found = switch (folder.getProtocol()) {
                    case "file" -> readFolder(Path.of(folder.toURI()));
                    case "jar" -> readJarFolder(folder);
                    default -> throw new IllegalStateException("Cannot list the query page's files at " + folder);
                };
                found.forEach(files::putIfAbsent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the query page's files: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot read the query page's files: " + e.getMessage(), e);
        }
        return files;
    }

    private static Map<String, byte[]> readFolder(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path file : entries.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (servable(name))
                    files.put(name, Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static Map<String, byte[]> readJarFolder(URL folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        JarURLConnection connection = (JarURLConnection) folder.openConnection();
        // A cached JarFile is shared with the class loader; an uncached one is ours to close.
        connection.setUseCaches(false);
        String prefix = connection.getEntryName();
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.isDirectory() || !entry.getName().startsWith(prefix))
                    continue;
                String name = entry.getName().substring(prefix.length());
                if (servable(name)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.put(name, in.readAllBytes());
                    }
                }
            }
        }
        return files;
    }

    private static boolean servable(String name) {
        if (FILE_NAME.matcher(name).matches() && CONTENT_TYPES.containsKey(extension(name)))
            return true;
        LOG.debug("Not serving {}{}: not a plain file name with a known extension", RESOURCE_FOLDER, name);
        return false;
    }

    static String contentType(String name) {
        return CONTENT_TYPES.get(extension(name));
    }

    private static String extension(String name) {
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /** {"endpoint":"/kg/sparql","queries":[{name,title,description,text},…]}. */
    static String queriesJson(String endpointPath, Iterable<CannedQuery> queries) {
        StringBuilder json = new StringBuilder("{\"endpoint\":");
        quote(json, endpointPath).append(",\"queries\":[");
        String separator = "";
        for (CannedQuery query : queries) {
            json.append(separator).append("\n{\"name\":");
            quote(json, query.name()).append(",\"title\":");
            quote(json, query.title()).append(",\"description\":");
            quote(json, query.description()).append(",\"text\":");
            quote(json, query.text()).append('}');
            separator = ",";
        }
        return json.append("]}\n").toString();
    }

    /** A JSON string; "<", ">" and "&" are escaped too, so the text is inert in any HTML context. */
    private static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029')
                        json.append(String.format("\\u%04x", (int) c));
                    else
                        json.append(c);
                }
            }
        }
        return json.append('"');
    }

    /** Answers GET and HEAD with {@link #body()}; 405 for any other method. */
    private abstract static class ReadOnly extends HttpServlet {
        private final String contentType;

        ReadOnly(String contentType) {
            this.contentType = contentType;
        }

        abstract byte[] body();

        /** A strong validator of {@link #body()}, or null for none. */
        String etag() {
            return null;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String method = request.getMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                response.setHeader("Allow", "GET, HEAD");
                response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                return;
            }
            byte[] content = body();
            String etag = etag();
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "no-referrer");
            if (etag != null) {
                response.setHeader("ETag", etag);
                if (matches(request.getHeader("If-None-Match"), etag)) {
                    response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                    return;
                }
            }
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(contentType);
            response.setContentLength(content.length);
            if (contentType.startsWith("text/html"))
                response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            if (!head)
                response.getOutputStream().write(content);
        }

        /** If-None-Match: "*" or a list of entity tags, weak ones compared weakly (RFC 9110, 13.1.2). */
        static boolean matches(String ifNoneMatch, String etag) {
            if (ifNoneMatch == null)
                return false;
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.trim();
                if (t.equals("*") || t.equals(etag) || (t.startsWith("W/") && t.substring(2).equals(etag)))
                    return true;
            }
            return false;
        }
    }

    private static final class StaticFile extends ReadOnly {
        private final transient byte[] content;
        private final String etag;

        StaticFile(String name, byte[] content) {
            super(contentType(name));
            this.content = content;
            this.etag = etagOf(content);
        }

        @Override
        byte[] body() {
            return content;
        }

        @Override
        String etag() {
            return etag;
        }
    }

    /** A quoted strong entity tag: the first 128 bits of the content's SHA-256, in hex. */
    static String etagOf(byte[] content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /**
     * The canned queries and the query endpoint's path. The path is read from the registry in the
     * servlet context, so it is right for a dataset and for a configuration file alike; the body is
     * made on the first request, when the server is running, and kept.
     */
    private static final class QueriesJson extends ReadOnly {
        private transient volatile byte[] json;

        QueriesJson() {
            super(contentType(QUERIES));
        }

        @Override
        byte[] body() {
            byte[] made = json;
            if (made == null) {
                String endpoint = GraphServer.queryEndpointPath(DataAccessPointRegistry.get(getServletContext()));
                made = queriesJson(endpoint, CannedQueries.builtIn().all()).getBytes(StandardCharsets.UTF_8);
                json = made;
            }
            return made;
        }
    }
}
