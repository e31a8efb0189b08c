package org.w3id.silkgraph.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The canned queries: every {@code *.rq} shipped in the classpath folder {@value #RESOURCE_FOLDER}
 * (the project's {@code queries/} folder), plus those of a folder the user names.
 */
public final class CannedQueries {

    static final String RESOURCE_FOLDER = "org/w3id/silkgraph/queries/";

    private final Map<String, CannedQuery> byName;

    private CannedQueries(Map<String, CannedQuery> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** The queries shipped with SilkGraph. */
    public static CannedQueries builtIn() {
        return fromClasspath(CannedQueries.class.getClassLoader());
    }

    /**
     * There is no index of the folder, so list it where it is: a directory when running from
     * {@code target/classes}, entries of a jar when running from the jar.
     */
    static CannedQueries fromClasspath(ClassLoader loader) {
        Map<String, CannedQuery> queries = new TreeMap<>();
        try {
            for (URL folder : Collections.list(loader.getResources(RESOURCE_FOLDER))) {
                Map<String, CannedQuery> found = switch (folder.getProtocol()) {
                    case "file" -> readFolder(Path.of(folder.toURI()));
                    case "jar" -> readJarFolder(folder);
                    default -> throw new IllegalStateException("Cannot list the canned queries at " + folder);
                };
                // The first classpath entry wins, as it does for any resource.
                found.forEach(queries::putIfAbsent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the canned queries: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list the canned queries: " + e.getMessage(), e);
        }
        return new CannedQueries(queries);
    }

    /** These queries and those of {@code folder}; a query of the folder replaces a query of the same name. */
    public CannedQueries withFolder(Path folder) {
        if (!Files.isDirectory(folder))
            throw new IllegalArgumentException("Not a folder of queries: " + folder);
        Map<String, CannedQuery> queries = new TreeMap<>(byName);
        try {
            queries.putAll(readFolder(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the queries in " + folder + ": " + e.getMessage(), e);
        }
        return new CannedQueries(queries);
    }

    /** By file name without {@code .rq}. */
    public Optional<CannedQuery> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Sorted by name. */
    public List<CannedQuery> all() {
        return List.copyOf(byName.values());
    }

    private static Map<String, CannedQuery> readFolder(Path folder) throws IOException {
        Map<String, CannedQuery> queries = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String fileName = file.getFileName().toString();
                if (isQueryFile(fileName))
                    add(queries, fileName, Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return queries;
    }

    private static Map<String, CannedQuery> readJarFolder(URL folder) throws IOException {
        Map<String, CannedQuery> queries = new TreeMap<>();
        JarURLConnection connection = (JarURLConnection) folder.openConnection();
        // A cached JarFile is shared with the class loader; an uncached one is ours to close.
        connection.setUseCaches(false);
        String prefix = connection.getEntryName();
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.getName().startsWith(prefix))
                    continue;
                String fileName = entry.getName().substring(prefix.length());
                if (!fileName.contains("/") && isQueryFile(fileName)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        add(queries, fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return queries;
    }

    private static void add(Map<String, CannedQuery> queries, String fileName, String text) {
        String name = fileName.substring(0, fileName.length() - CannedQuery.EXTENSION.length());
        queries.put(name, CannedQuery.parse(name, text));
    }

    private static boolean isQueryFile(String fileName) {
        return fileName.endsWith(CannedQuery.EXTENSION) && fileName.length() > CannedQuery.EXTENSION.length();
    }
}
