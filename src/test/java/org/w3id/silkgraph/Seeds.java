package org.w3id.silkgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.w3id.silkgraph.source.SourceDocument;

/** The seed articles in {@code seeds/}, resolved against the project root (Maven's working directory). */
public final class Seeds {

    public static final Path FOLDER = Path.of("seeds");

    private Seeds() {}

    /** The seed whose file name starts with {@code prefix}, e.g. {@code "001"}. */
    public static Path file(String prefix) {
        List<Path> found = all().stream().filter(p -> p.getFileName().toString().startsWith(prefix + "_")).toList();
        if (found.size() != 1)
            throw new IllegalStateException("expected one seed " + prefix + "_*.txt in " + FOLDER.toAbsolutePath() + ", found " + found);
        return found.get(0);
    }

    /** All five seed files, in name order. */
    public static List<Path> all() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            List<Path> seeds = files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
            if (seeds.size() != 5)
                throw new IllegalStateException("expected five seeds in " + FOLDER.toAbsolutePath() + ", found " + seeds);
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name without {@code .txt}: the document's id. */
    public static String stem(Path seed) {
        String name = seed.getFileName().toString();
        return name.substring(0, name.length() - ".txt".length());
    }

    /** The text exactly as read (strict UTF-8). */
    public static String text(Path seed) {
        try {
            return Files.readString(seed, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed as the CLI reads it: id from the file name, origin the path as given. */
    public static SourceDocument document(Path seed) {
        return new SourceDocument(stem(seed), seed.toString(), text(seed), null, null);
    }

    /** {@code text.substring} counted in Unicode code points, as evidence offsets are. */
    public static String codePointSubstring(String text, int start, int end) {
        return text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
    }
}
