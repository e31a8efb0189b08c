package org.w3id.silkgraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.silkgraph.Seeds;
import org.w3id.silkgraph.cli.Main;
import org.w3id.silkgraph.source.InputFormat;

/**
 * The Spark job on a local master gives the CLI's quads: on the seeds (one article per file), on
 * one-document-per-line files and on JSONL, with bad records counted and skipped and repeated ids numbered as the
 * CLI numbers them. Runs in a JVM of its own (the spark-test execution in pom.xml).
 */
@Tag("spark")
class SparkExtractTest {
    private static JavaSparkContext spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSpark() {
        for (String noisy : List.of("org.apache.spark", "org.sparkproject", "org.apache.hadoop", "io.netty")) {
            System.setProperty("org.slf4j.simpleLogger.log." + noisy, System.getProperty("org.slf4j.simpleLogger.log." + noisy, "warn"));
        }
        // Hadoop's StAX parser on this classpath does not know one property Jena's RDF/XML reader sets; nothing is read as RDF/XML
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.jena.util.JenaXMLInput", "off");
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("SparkExtractTest")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void theSeedsGiveTheQuadsOfTheCli() {
        List<String> cli = cli("seeds.nq", "--input-format", "auto", Seeds.FOLDER.toString());
        SparkExtract.Summary s = job("seeds", InputFormat.AUTO, 3, Seeds.FOLDER.toString());

        assertEquals(5, s.documents());
        assertEquals(0, s.problems(), s.problemSamples().toString());
        assertEquals(3, s.partitions().size(), "one count line per partition: " + s.partitions());
        assertEquals(cli.size(), s.quads());
        assertEquals(cli, sorted(dir.resolve("seeds")), "the job's quads, sorted, are the CLI's");
    }

    @Test
    void linesFilesGiveTheQuadsOfTheCliAndBadLinesAreCounted() throws IOException {
        // two files of one document per line with the same name: their ids repeat (day-1 … and day-1~2 …)
        Path a = Files.createDirectories(dir.resolve("lines/a"));
        Path b = Files.createDirectories(dir.resolve("lines/b"));
        write(a.resolve("day.txt"), line("001"), "".getBytes(), notUtf8(), line("003"));
        write(b.resolve("day.txt"), line("000"), notUtf8());
        String folder = dir.resolve("lines").toString();

        List<String> cli = cli("lines.nq", "--input-format", "lines", folder);
        SparkExtract.Summary s = job("lines-out", InputFormat.LINES, 2, folder);

        assertEquals(3, s.documents());
        assertEquals(2, s.problems(), "one bad line in each file: " + s.problemSamples());
        assertTrue(s.problemSamples().stream().anyMatch(p -> p.startsWith(a.resolve("day.txt") + ":3: ")), s.problemSamples().toString());
        assertTrue(cli.stream().anyMatch(q -> q.startsWith("<https://w3id.org/silkgraph/id/doc/day-1~2>")), "the repeated id is numbered");
        assertEquals(cli, sorted(dir.resolve("lines-out")));
    }

    @Test
    void jsonlGivesTheQuadsOfTheCliAndBadRecordsAreCounted() throws IOException {
        Path feed = Files.createDirectories(dir.resolve("jsonl")).resolve("feed.jsonl");
        write(feed,
                json("\"id\":\"x\",\"date\":\"2023-11-06\",\"title\":\"论坛\",\"text\":" + quoted(text("002"))),
                json("\"id\":\"x\",\"text\":" + quoted(text("004"))),
                json("\"id\":\"x~2\",\"text\":" + quoted(text("001"))),
                "{\"id\":\"broken\", \"text\":".getBytes(StandardCharsets.UTF_8),
                json("\"id\":\"empty\",\"text\":\"  \""),
                json("\"text\":" + quoted(text("003"))));

        List<String> cli = cli("jsonl.nq", "--input-format", "auto", feed.toString());
        SparkExtract.Summary s = job("jsonl-out", InputFormat.AUTO, 2, feed.toString());

        assertEquals(4, s.documents());
        assertEquals(2, s.problems(), "bad JSON and a record without text: " + s.problemSamples());
        assertTrue(cli.stream().anyMatch(q -> q.startsWith("<https://w3id.org/silkgraph/id/doc/x~2>")));
        assertTrue(cli.stream().anyMatch(q -> q.startsWith("<https://w3id.org/silkgraph/id/doc/x~2~2>")), "x~2 was taken");
        assertTrue(cli.stream().anyMatch(q -> q.startsWith("<https://w3id.org/silkgraph/id/doc/feed-6>")));
        assertEquals(cli, sorted(dir.resolve("jsonl-out")));
    }

    @Test
    void theIdPassIsSkippedOnlyWhereIdsCannotRepeat() {
        InputFiles.InputFile a = new InputFiles.InputFile(0, "file:/c/a.txt", "c/a.txt", InputFormat.LINES);
        InputFiles.InputFile b = new InputFiles.InputFile(1, "file:/c/b.txt.gz", "c/b.txt.gz", InputFormat.LINES);
        InputFiles.InputFile a2 = new InputFiles.InputFile(2, "file:/d/a.txt.gz", "d/a.txt.gz", InputFormat.LINES);
        assertTrue(SparkExtract.idsCannotRepeat(List.of(a, b), InputFormat.LINES), "lines files with two stems");
        assertFalse(SparkExtract.idsCannotRepeat(List.of(a, b, a2), InputFormat.LINES), "a.txt and a.txt.gz: both day-1, day-2 …");
        assertFalse(SparkExtract.idsCannotRepeat(List.of(a, b), InputFormat.AUTO), "record ids and file names can repeat");
    }

    private static SparkExtract.Summary job(String output, InputFormat format, int partitions, String... inputs) {
        return SparkExtract.run(spark, new SparkExtract.Options(List.of(inputs), dir.resolve(output).toString(), format, partitions, false));
    }

    /** {@code silkgraph build --format nq}'s lines, sorted and de-duplicated. */
    private static List<String> cli(String file, String... args) {
        Path out = dir.resolve(file);
        List<String> command = new ArrayList<>(List.of("build", "-q", "--format", "nq", "-o", out.toString()));
        command.addAll(List.of(args));
        Main.run(command.toArray(String[]::new)); // 1 when an input had bad records; the dump is written all the same
        return sorted(out);
    }

    /** The non-empty lines of a file, or of a folder's part files, sorted and de-duplicated. */
    private static List<String> sorted(Path fileOrFolder) {
        try (Stream<Path> files = Files.isDirectory(fileOrFolder)
                ? Files.list(fileOrFolder).filter(p -> p.getFileName().toString().startsWith("part-")) : Stream.of(fileOrFolder)) {
            return files.flatMap(f -> {
                try {
                    return Files.readAllLines(f, StandardCharsets.UTF_8).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(l -> !l.isBlank()).sorted().distinct().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String seed) {
        return Seeds.text(Seeds.file(seed));
    }

    /** A seed's text on one line. */
    private static byte[] line(String seed) {
        return text(seed).replaceAll("\\s*\\R\\s*", " ").strip().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] notUtf8() {
        byte[] good = "中俄两国在莫斯科举行会谈。".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 2];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = (byte) 0xC3;
        bad[good.length + 1] = (byte) 0x28;
        return bad;
    }

    private static byte[] json(String fields) {
        return ("{" + fields + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    private static void write(Path file, byte[]... lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.write(l);
            out.write('\n');
        }
        Files.write(file, out.toByteArray());
    }
}
