package org.w3id.silkgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CannedQueriesTest {

    private static final String HEADER = "# title: %s\n# description: %s\n";

    @TempDir
    Path folder;

    @Test
    void builtInQueriesAreThoseOfTheQueriesFolder() throws IOException {
        Set<String> files;
        try (Stream<Path> listing = Files.list(Path.of("queries"))) {
            files = listing.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".rq"))
                    .map(name -> name.substring(0, name.length() - 3))
                    .collect(Collectors.toSet());
        }
        List<String> names = CannedQueries.builtIn().all().stream().map(CannedQuery::name).toList();
        assertEquals(files, Set.copyOf(names));
        assertEquals(names.stream().sorted().toList(), names, "sorted by name");
    }

    @Test
    void everyBuiltInQueryHasATitleADescriptionAndParses() {
        for (CannedQuery query : CannedQueries.builtIn().all()) {
            assertFalse(query.title().isBlank(), query.name());
            assertFalse(query.description().isBlank(), query.name());
            assertFalse(query.description().contains("#"), query.name() + ": " + query.description());
            QueryRunner.parse(query.text(), query.fileName());
        }
    }

    @Test
    void descriptionsGoOnOverSeveralCommentLines() {
        CannedQuery documentFacts = CannedQueries.builtIn().find("document-facts").orElseThrow();
        assertTrue(documentFacts.description().endsWith("(default 001_1f754e89af8162ba, a seed)."), documentFacts.description());
        CannedQuery partners = CannedQueries.builtIn().find("cooperation-partners").orElseThrow();
        assertTrue(partners.description().contains("VALUES"), partners.description());
    }

    @Test
    void findsByFileNameWithoutExtension() {
        CannedQueries queries = CannedQueries.builtIn();
        assertEquals("events.rq", queries.find("events").orElseThrow().fileName());
        assertTrue(queries.find("events.rq").isEmpty());
        assertTrue(queries.find("no-such-query").isEmpty());
    }

    @Test
    void listsTheQueriesInsideAJar() throws IOException {
        Path jar = folder.resolve("queries.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(CannedQueries.RESOURCE_FOLDER));
            addEntry(out, CannedQueries.RESOURCE_FOLDER + "alpha.rq", HEADER.formatted("Alpha", "First") + "ASK {}");
            addEntry(out, CannedQueries.RESOURCE_FOLDER + "notes.txt", "not a query");
            addEntry(out, CannedQueries.RESOURCE_FOLDER + "nested/beta.rq", HEADER.formatted("Beta", "Deeper") + "ASK {}");
            addEntry(out, "elsewhere/gamma.rq", HEADER.formatted("Gamma", "Elsewhere") + "ASK {}");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<CannedQuery> queries = CannedQueries.fromClasspath(loader).all();
            assertEquals(List.of("alpha"), queries.stream().map(CannedQuery::name).toList());
            assertEquals("Alpha", queries.get(0).title());
            assertEquals("First", queries.get(0).description());
            assertTrue(queries.get(0).text().endsWith("ASK {}"));
        }
    }

    @Test
    void aFolderAddsQueriesAndReplacesThoseOfTheSameName() throws IOException {
        Files.writeString(folder.resolve("mine.rq"), HEADER.formatted("Mine", "My own") + "ASK {}");
        Files.writeString(folder.resolve("events.rq"), HEADER.formatted("My events", "Replaces") + "ASK {}");
        Files.writeString(folder.resolve("readme.md"), "not a query");
        CannedQueries builtIn = CannedQueries.builtIn();
        CannedQueries queries = builtIn.withFolder(folder);
        assertEquals("Mine", queries.find("mine").orElseThrow().title());
        assertEquals("My events", queries.find("events").orElseThrow().title());
        assertEquals(builtIn.all().size() + 1, queries.all().size());
        assertEquals("Events", builtIn.find("events").orElseThrow().title(), "the built-in set is unchanged");
    }

    @Test
    void aQueryWithoutTitleOrDescriptionIsRefusedByFileName() throws IOException {
        Files.writeString(folder.resolve("untitled.rq"), "# description: no title\nASK {}");
        MalformedQueryException noTitle = assertThrows(MalformedQueryException.class,
                () -> CannedQueries.builtIn().withFolder(folder));
        assertTrue(noTitle.getMessage().startsWith("untitled.rq: "), noTitle.getMessage());

        Files.writeString(folder.resolve("untitled.rq"), "# title: Untitled no more\n\n# description: too late\nASK {}");
        MalformedQueryException noDescription = assertThrows(MalformedQueryException.class,
                () -> CannedQueries.builtIn().withFolder(folder));
        assertTrue(noDescription.getMessage().contains("description"), noDescription.getMessage());
    }

    private static void addEntry(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
