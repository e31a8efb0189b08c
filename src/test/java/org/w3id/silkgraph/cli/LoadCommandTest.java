package org.w3id.silkgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.silkgraph.Seeds;
import org.w3id.silkgraph.store.Store;

/**
 * {@code silkgraph load}: N-Quads part files, as the Spark job writes them, bulk-loaded into a store give the store
 * that {@code build --location} gives on the same documents: the same quads, and a text index that finds the same.
 */
class LoadCommandTest {
    @TempDir
    static Path dir;
    /** The seeds' quads as N-Quads lines. */
    private static List<String> lines;

    @BeforeAll
    static void dump() throws IOException {
        Path nq = dir.resolve("seeds.nq");
        Cli.Result r = Cli.run("build", "-q", "-o", nq.toString(), Seeds.FOLDER.toString());
        assertEquals(0, r.status(), r.toString());
        lines = Files.readAllLines(nq, StandardCharsets.UTF_8);
    }

    @Test
    void sparkPartFilesLoadIntoTheStoreThatBuildMakes() throws IOException {
        // a Spark output folder: two parts (one gzipped), and the marker and checksum files Hadoop leaves
        Path parts = Files.createDirectories(dir.resolve("parts"));
        int half = lines.size() / 2;
        Files.write(parts.resolve("part-00000"), lines.subList(0, half), StandardCharsets.UTF_8);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(parts.resolve("part-00001.gz")))) {
            out.write((String.join("\n", lines.subList(half, lines.size())) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(parts.resolve("_SUCCESS"), "");
        Files.writeString(parts.resolve(".part-00000.crc"), "not RDF");

        Path loaded = dir.resolve("loaded");
        Cli.Result load = Cli.run("load", "--location", loaded.toString(), parts.toString());
        assertEquals(0, load.status(), load.toString());
        assertTrue(load.err().contains("labels indexed"), load.err());

        Path built = dir.resolve("built");
        Cli.Result build = Cli.run("build", "-q", "--location", built.toString(), Seeds.FOLDER.toString());
        assertEquals(0, build.status(), build.toString());

        try (Store a = Store.open(loaded); Store b = Store.open(built)) {
            assertEquals(5, a.documents());
            assertEquals(quads(b), quads(a));
            assertEquals(lines.size(), quads(a).size());
            for (String term : List.of("中俄工程", "科学技术部", "重庆", "论坛")) {
                Set<String> found = search(a, term);
                assertFalse(found.isEmpty(), term);
                assertEquals(search(b, term), found, "text:query \"" + term + "\"");
            }
        }
    }

    @Test
    void aTriplesFileIsRefusedBeforeTheStoreIsTouched() throws IOException {
        Path ttl = dir.resolve("kg.ttl");
        Files.writeString(ttl, "<urn:a> <urn:b> <urn:c> .\n");
        Path store = dir.resolve("refused");
        Cli.Result r = Cli.run("load", "--location", store.toString(), ttl.toString());
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("triples"), r.err());
        assertFalse(Files.exists(store.resolve("tdb2")));
    }

    private static Set<Quad> quads(Store store) {
        Set<Quad> all = new HashSet<>();
        store.forEachQuad(all::add);
        return all;
    }

    private static Set<String> search(Store store, String term) {
        String q = "PREFIX text: <http://jena.apache.org/text#> SELECT DISTINCT ?e { ?e text:query \"" + term + "\" }";
        return store.dataset().calculateRead(() -> {
            Set<String> out = new HashSet<>();
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(store.dataset())).query(q).build()) {
                qe.execSelect().forEachRemaining(s -> out.add(s.get("e").toString()));
            }
            return out;
        });
    }
}
