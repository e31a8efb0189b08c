package org.w3id.silkgraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading real files from a temporary folder: good documents come through, each bad input is one clear problem. */
class SourceReaderTest {

    private static final String GOOD = "第八届中俄工程技术论坛成功举办\n\n11月24日，由中国科协主办的论坛通过线上方式成功举办。\n";
    private static final String CHINESE = "国务院新闻办公室将于2023年10月30日举行新闻发布会，介绍首届一带一路科技交流大会有关情况。";
    /** The start of a PNG file: signature, then an IHDR chunk, with NUL bytes. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D,
            'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89};

    @TempDir
    Path folder;

    private final List<InputProblem> problems = new ArrayList<>();

    @Test
    void eachBadFileInAFolderIsOneProblemAndTheGoodOneIsRead() throws IOException {
        Path news = Files.createDirectory(folder.resolve("news"));
        Path good = write(news.resolve("a-good.txt"), GOOD.getBytes(StandardCharsets.UTF_8));
        Path gbk = write(news.resolve("b-gbk.txt"), CHINESE.getBytes(Charset.forName("GB18030")));
        Path binary = write(news.resolve("x.txt"), PNG);
        Path empty = write(news.resolve("z-empty.txt"), new byte[0]);

        List<SourceDocument> docs = read(news.toString());

        assertEquals(1, docs.size(), docs.toString());
        SourceDocument doc = docs.get(0);
        assertEquals("a-good", doc.id());
        assertEquals(good.toString(), doc.origin());
        assertEquals(GOOD, doc.text());
        assertEquals("a-good.txt", doc.fileName());

        assertEquals(3, problems.size(), problems.toString());
        assertProblem(gbk.toString(), "gbk");
        assertProblem(gbk.toString(), "gb18030");
        assertProblem(binary.toString(), "binary");
        assertProblem(empty.toString(), "empty");
    }

    @Test
    void aMissingPathAndAnEmptyFolderAreOneProblemEach() throws IOException {
        Path good = write(folder.resolve("good.txt"), GOOD.getBytes(StandardCharsets.UTF_8));
        String missing = folder.resolve("no-such.txt").toString();
        Path emptyFolder = Files.createDirectory(folder.resolve("empty-folder"));

        List<SourceDocument> docs = read(missing, emptyFolder.toString(), good.toString());

        assertEquals(List.of("good"), docs.stream().map(SourceDocument::id).toList());
        assertEquals(2, problems.size(), problems.toString());
        assertProblem(missing, "no such file");
        assertProblem(emptyFolder.toString(), ".txt");
    }

    @Test
    void eachBadFileGivenByNameIsOneProblem() throws IOException {
        Path gbk = write(folder.resolve("gbk.txt"), CHINESE.getBytes(Charset.forName("GB18030")));
        Path binary = write(folder.resolve("x.txt"), PNG);
        Path empty = write(folder.resolve("empty.txt"), new byte[0]);
        Path blank = write(folder.resolve("blank.txt"), " \n\u3000\n".getBytes(StandardCharsets.UTF_8));

        for (Path bad : List.of(gbk, binary, empty, blank)) {
            problems.clear();
            assertEquals(List.of(), read(bad.toString()), bad.toString());
            assertEquals(1, problems.size(), bad + ": " + problems);
            assertEquals(bad.toString(), problems.get(0).where());
            assertFalse(problems.get(0).toString().contains("\n"), problems.toString());
        }
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheText() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path file = write(folder.resolve("bom.txt"), concat(bom, GOOD.getBytes(StandardCharsets.UTF_8)));
        List<SourceDocument> docs = read(file.toString());
        assertEquals(List.of(), problems);
        assertEquals(GOOD, docs.get(0).text());
        assertFalse(docs.get(0).text().startsWith("\uFEFF"));

        Path lines = write(folder.resolve("bom-lines.txt"), concat(bom, "第一篇。\n第二篇。\n".getBytes(StandardCharsets.UTF_8)));
        List<SourceDocument> records = reader(InputFormat.LINES, lines.toString()).documents().toList();
        assertEquals(List.of("第一篇。", "第二篇。"), records.stream().map(SourceDocument::text).toList());

        Path jsonl = write(folder.resolve("bom.jsonl"), concat(bom, "{\"id\":\"a\",\"text\":\"正文。\"}\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("正文。"), read(jsonl.toString()).stream().map(SourceDocument::text).toList());
        assertEquals(List.of(), problems);
    }

    @Test
    void linesModeReadsOneDocumentPerLineNamedAfterItsLine() throws IOException {
        Path file = write(folder.resolve("corpus.txt"),
                "第一篇新闻。\n\n第三行的新闻。\r\n  \n第五行，最后一篇。".getBytes(StandardCharsets.UTF_8));

        List<SourceDocument> docs = reader(InputFormat.LINES, file.toString()).documents().toList();

        assertEquals(List.of(), problems);
        assertEquals(List.of("corpus-1", "corpus-3", "corpus-5"), docs.stream().map(SourceDocument::id).toList());
        assertEquals(List.of(file + ":1", file + ":3", file + ":5"), docs.stream().map(SourceDocument::origin).toList());
        assertEquals(List.of("第一篇新闻。", "第三行的新闻。", "第五行，最后一篇。"), docs.stream().map(SourceDocument::text).toList());
    }

    /** SourceDocument.fileName() promises "001_x.txt for seeds/001_x.txt:12"; it feeds sg:fileName. */
    @Test
    void theFileNameOfARecordHasNoLineNumber() throws IOException {
        Path file = write(folder.resolve("corpus.txt"), "第一篇。\n第二篇。\n".getBytes(StandardCharsets.UTF_8));
        List<SourceDocument> docs = reader(InputFormat.LINES, file.toString()).documents().toList();
        assertEquals(List.of("corpus.txt", "corpus.txt"), docs.stream().map(SourceDocument::fileName).toList());
        assertEquals("001_x.txt", new SourceDocument("r", "seeds/001_x.txt:12", "正文。", null, null).fileName());
    }

    @Test
    void linesModeReportsABadLineByItsNumberAndReadsTheOthers() throws IOException {
        Path file = write(folder.resolve("mixed.txt"), concat(
                "第一篇。\n".getBytes(StandardCharsets.UTF_8),
                (CHINESE + "\n").getBytes(Charset.forName("GB18030")),
                "第三篇。\n".getBytes(StandardCharsets.UTF_8)));

        List<SourceDocument> docs = reader(InputFormat.LINES, file.toString()).documents().toList();

        assertEquals(List.of("mixed-1", "mixed-3"), docs.stream().map(SourceDocument::id).toList());
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(file + ":2", problems.get(0).where());
        assertTrue(problems.get(0).what().contains("GB18030"), problems.toString());
    }

    /**
     * Documents are read as they are asked for: a problem further down a file is not met before the documents above
     * it are taken (a file read ahead to its end would sit whole in memory, as a corpus of one article per line does).
     */
    @Test
    void documentsAreReadOnlyAsFarAsTheyAreTaken() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            lines.append("第").append(i).append("篇。\n");
        }
        Path file = write(folder.resolve("many.txt"), concat(lines.toString().getBytes(StandardCharsets.UTF_8),
                (CHINESE + "\n").getBytes(Charset.forName("GB18030"))));
        Path second = write(folder.resolve("second.txt"), "第二个文件。\n".getBytes(StandardCharsets.UTF_8));

        try (Stream<SourceDocument> docs = reader(InputFormat.LINES, file.toString(), second.toString()).documents()) {
            java.util.Iterator<SourceDocument> it = docs.iterator();
            assertEquals("many-1", it.next().id());
            assertEquals(List.of(), problems, "the bad line 1001 was read before its turn");
            List<String> rest = new ArrayList<>();
            it.forEachRemaining(d -> rest.add(d.id()));
            assertEquals(1000, rest.size());
            assertEquals("second-1", rest.get(rest.size() - 1));
        }
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(file + ":1001", problems.get(0).where());
    }

    @Test
    void jsonlRecordsWithIdDateAndTitleAndAMalformedLineReportedByNumber() throws IOException {
        Path file = write(folder.resolve("feed.jsonl"), String.join("\n",
                "{\"id\":\"rec-a\",\"date\":\"2023-10-30\",\"title\":\"发布会\",\"text\":\"国务院新闻办公室举行新闻发布会。\"}",
                "{\"id\":\"rec-b\", \"text\": \"没有结尾",
                "",
                "{\"id\":\"rec-c\",\"date\":\"2023-11-24T08:00:00+08:00\",\"text\":\"论坛成功举办。\"}",
                "{\"text\":\"没有编号的记录。\"}",
                "").getBytes(StandardCharsets.UTF_8));

        List<SourceDocument> docs = read(file.toString());

        assertEquals(List.of("rec-a", "rec-c", "feed-5"), docs.stream().map(SourceDocument::id).toList());
        assertEquals(List.of(file + ":1", file + ":4", file + ":5"), docs.stream().map(SourceDocument::origin).toList());

        SourceDocument a = docs.get(0);
        assertEquals("国务院新闻办公室举行新闻发布会。", a.text());
        assertEquals(Optional.of(LocalDate.of(2023, 10, 30)), a.publicationDate());
        assertEquals(Optional.of("发布会"), a.declaredTitle());
        assertEquals(Optional.of(LocalDate.of(2023, 11, 24)), docs.get(1).publicationDate());
        assertEquals(Optional.empty(), docs.get(2).publicationDate());
        assertEquals(Optional.empty(), docs.get(2).declaredTitle());

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(file + ":2", problems.get(0).where());
        assertTrue(problems.get(0).what().toLowerCase(Locale.ROOT).contains("json"), problems.toString());
        assertFalse(problems.get(0).toString().contains("\n"), problems.toString());
    }

    @Test
    void jsonlRecordsWithoutTextOrWithABadDateAreProblems() throws IOException {
        Path file = write(folder.resolve("bad.jsonl"), String.join("\n",
                "{\"id\":\"no-text\",\"title\":\"只有标题\"}",
                "{\"id\":\"bad-date\",\"date\":\"10月30日\",\"text\":\"正文。\"}",
                "[\"not\", \"an\", \"object\"]",
                "{\"id\":\"ok\",\"text\":\"正文。\"}").getBytes(StandardCharsets.UTF_8));

        List<SourceDocument> docs = read(file.toString());

        assertEquals(List.of("ok"), docs.stream().map(SourceDocument::id).toList());
        assertEquals(List.of(file + ":1", file + ":2", file + ":3"), problems.stream().map(InputProblem::where).toList());
        assertTrue(problems.get(0).what().contains("text"), problems.toString());
        assertTrue(problems.get(1).what().contains("date"), problems.toString());
    }

    @Test
    void aJsonRecordCutShortAfterAKeyIsAProblemAndTheNextRecordIsRead() throws IOException {
        Path file = write(folder.resolve("cut.jsonl"), String.join("\n",
                "{\"id\":\"cut\", \"text\":",
                "{\"id\":\"ok\",\"text\":\"正文。\"}").getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("ok"), read(file.toString()).stream().map(SourceDocument::id).toList());
        assertEquals(List.of(file + ":1"), problems.stream().map(InputProblem::where).toList());
        assertTrue(problems.get(0).what().contains("JSON"), problems.toString());
    }

    @Test
    void oneInputReadAloneKeepsRepeatedIdsForTheCallerToNumber() {
        byte[] lines = "{\"id\":\"a\",\"text\":\"一。\"}\n{\"id\":\"a\",\"text\":\"二。\"}\n".getBytes(StandardCharsets.UTF_8);
        try (Stream<SourceDocument> docs = SourceReader.read(new ByteArrayInputStream(lines), "in/feed.jsonl", InputFormat.AUTO, problems::add)) {
            assertEquals(List.of("a", "a"), docs.map(SourceDocument::id).toList());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aNumberedIdNeverMeetsAnIdOfTheInput() throws IOException {
        // the third record's own id is the one the second was given; the fourth's is one the third would take
        Path feed = write(folder.resolve("feed.jsonl"), String.join("\n",
                "{\"id\":\"a\",\"text\":\"一。\"}", "{\"id\":\"a\",\"text\":\"二。\"}",
                "{\"id\":\"a~2\",\"text\":\"三。\"}", "{\"id\":\"a~2~2\",\"text\":\"四。\"}",
                "{\"id\":\"a\",\"text\":\"五。\"}", "{\"id\":\"a~3\",\"text\":\"六。\"}").getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("a", "a~2", "a~2~2", "a~2~2~2", "a~3", "a~3~2"),
                read(feed.toString()).stream().map(SourceDocument::id).toList());
        assertEquals("a", DocumentIds.family("a~2~2~2"));
        assertEquals("a~b", DocumentIds.family("a~b~3"));
    }

    @Test
    void repeatedIdsAreNumberedInTheOrderTheyComeAcrossInputs() throws IOException {
        Path one = write(folder.resolve("one.jsonl"), String.join("\n",
                "{\"id\":\"a\",\"text\":\"一。\"}", "{\"id\":\"b\",\"text\":\"二。\"}", "{\"id\":\"a\",\"text\":\"三。\"}")
                .getBytes(StandardCharsets.UTF_8));
        Path two = write(folder.resolve("two.jsonl"), String.join("\n",
                "{\"id\":\"a\",\"text\":\"四。\"}", "{\"id\":\"c\",\"text\":\"五。\"}", "{\"id\":\"a\",\"text\":\"六。\"}")
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("a", "b", "a~2", "a~3", "c", "a~4"),
                read(one.toString(), two.toString()).stream().map(SourceDocument::id).toList());
    }

    @Test
    void standardInputIsADocumentNamedStdin() {
        SourceReader reader = SourceReader.create().inputs(List.of("-")).onProblem(problems::add)
                .stdin(new ByteArrayInputStream(GOOD.getBytes(StandardCharsets.UTF_8))).build();
        List<SourceDocument> docs = reader.documents().toList();
        assertEquals(List.of(), problems);
        assertEquals(1, docs.size());
        assertEquals("stdin", docs.get(0).id());
        assertEquals("-", docs.get(0).origin());
        assertEquals(GOOD, docs.get(0).text());
    }

    @Test
    void twoFilesWithTheSameNameGetDistinctIds() throws IOException {
        Path a = write(Files.createDirectory(folder.resolve("a")).resolve("same.txt"), GOOD.getBytes(StandardCharsets.UTF_8));
        Path b = write(Files.createDirectory(folder.resolve("b")).resolve("same.txt"), GOOD.getBytes(StandardCharsets.UTF_8));
        List<String> ids = read(a.toString(), b.toString()).stream().map(SourceDocument::id).toList();
        assertEquals(2, ids.size());
        assertEquals(2, ids.stream().distinct().count(), ids.toString());
        assertEquals("same", ids.get(0));
    }

    @Test
    void foldersAreReadInPathOrderAndOnlyNewsFilesAreTaken() throws IOException {
        Path news = Files.createDirectory(folder.resolve("news"));
        write(news.resolve("2.txt"), "第二篇。".getBytes(StandardCharsets.UTF_8));
        write(news.resolve("1.txt"), "第一篇。".getBytes(StandardCharsets.UTF_8));
        write(news.resolve("notes.md"), "not news".getBytes(StandardCharsets.UTF_8));
        write(news.resolve("logo.png"), PNG);
        Path sub = Files.createDirectory(news.resolve("3-sub"));
        write(sub.resolve("3.txt"), "第三篇。".getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("1", "2", "3"), read(news.toString()).stream().map(SourceDocument::id).toList());
        assertEquals(List.of(), problems);
    }

    private List<SourceDocument> read(String... inputs) {
        try (Stream<SourceDocument> docs = reader(InputFormat.AUTO, inputs).documents()) {
            return docs.toList();
        }
    }

    private SourceReader reader(InputFormat format, String... inputs) {
        return SourceReader.create().inputs(List.of(inputs)).format(format).onProblem(problems::add).build();
    }

    /** Exactly one problem names {@code where}, and says {@code what} (case-insensitive). */
    private void assertProblem(String where, String what) {
        List<InputProblem> about = problems.stream().filter(p -> p.where().equals(where)).toList();
        assertEquals(1, about.size(), "one problem for " + where + " in " + problems);
        String line = about.get(0).toString();
        assertTrue(line.contains(where), line);
        assertTrue(line.toLowerCase(Locale.ROOT).contains(what.toLowerCase(Locale.ROOT)), "'" + what + "' in " + line);
        assertFalse(line.contains("\n"), line);
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        return Files.write(file, bytes);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts)
            n += p.length;
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
