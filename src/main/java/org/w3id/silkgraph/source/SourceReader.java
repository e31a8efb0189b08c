package org.w3id.silkgraph.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/**
 * Reads news documents from files, folders and standard input, lazily, so a corpus never has to fit in memory.
 * A bad input (missing, unreadable, binary, not UTF-8, empty) is reported to the problem consumer with one line
 * saying what and where, and the remaining inputs are still read.
 *
 * <pre>
 * SourceReader.create().inputs(List.of("seeds/")).onProblem(System.err::println).build().documents()
 * </pre>
 */
public final class SourceReader {
    private final List<String> inputs;
    private final InputFormat format;
    private final Consumer<InputProblem> problems;
    private final InputStream stdin;
    /** Null only for {@link #read(InputStream, String, InputFormat, Consumer)}, which sees one input alone. */
    private final DocumentIds ids;

    private SourceReader(Builder b, boolean numberRepeats) {
        this.inputs = List.copyOf(b.inputs);
        this.format = b.format;
        this.problems = b.problems;
        this.stdin = b.stdin;
        this.ids = numberRepeats ? new DocumentIds() : null;
    }

    public static Builder create() {
        return new Builder();
    }

    /** The documents of all inputs, in input order (folders in path order), read as the stream is consumed. */
    public Stream<SourceDocument> documents() {
        // not flatMap(this::read): pulled through iterator(), as a build does, Stream.flatMap reads an inner stream to
        // its end before handing out its first element, and a one-document-per-line file would sit whole in memory
        FileChain chain = new FileChain(inputs.stream().flatMap(this::expand).iterator());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(chain, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(chain::close);
    }

    /** The documents of one file after another, each file opened when the one before it is used up. */
    private final class FileChain implements Iterator<SourceDocument> {
        private final Iterator<Path> files;
        private Stream<SourceDocument> current = Stream.empty();
        private Iterator<SourceDocument> documents = Collections.emptyIterator();

        FileChain(Iterator<Path> files) {
            this.files = files;
        }

        @Override
        public boolean hasNext() {
            while (!documents.hasNext()) {
                current.close();
                if (!files.hasNext()) {
                    return false;
                }
                current = read(files.next());
                documents = current.iterator();
            }
            return true;
        }

        @Override
        public SourceDocument next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return documents.next();
        }

        void close() {
            current.close();
        }
    }

    /**
     * How many documents the inputs hold, counted without decoding: files for one-article-per-file input, non-empty
     * lines otherwise. Standard input is not counted (returns -1). For progress and an estimate of time left.
     */
    public long countDocuments() {
        long n = 0;
        for (String input : inputs) {
            if (input.equals("-")) {
                return -1;
            }
            List<Path> files;
            try (Stream<Path> s = expandQuietly(input)) {
                files = s.toList();
            }
            for (Path f : files) {
                if (format.resolve(f.getFileName().toString()) == InputFormat.TEXT) {
                    n++;
                    continue;
                }
                try (InputStream in = open(f)) {
                    byte[] buf = new byte[1 << 16];
                    boolean content = false;
                    for (int r; (r = in.read(buf)) > 0; ) {
                        for (int i = 0; i < r; i++) {
                            if (buf[i] == '\n') {
                                n += content ? 1 : 0;
                                content = false;
                            } else if (buf[i] != '\r' && buf[i] != ' ') {
                                content = true;
                            }
                        }
                    }
                    n += content ? 1 : 0;
                } catch (IOException e) {
                    // reported when the file is read for real
                }
            }
        }
        return n;
    }

    private Stream<Path> expandQuietly(String input) {
        Path p = Path.of(input);
        if (!Files.exists(p)) {
            return Stream.empty();
        }
        if (!Files.isDirectory(p)) {
            return Stream.of(p);
        }
        try {
            return Files.walk(p).filter(Files::isRegularFile).filter(SourceReader::isNewsFile).sorted();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private Stream<Path> expand(String input) {
        if (input.equals("-")) {
            return Stream.of((Path) null);
        }
        Path p = Path.of(input);
        if (!Files.exists(p)) {
            problems.accept(new InputProblem(input, "no such file or folder"));
            return Stream.empty();
        }
        if (!Files.isDirectory(p)) {
            return Stream.of(p);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(p)) {
            files = walk.filter(Files::isRegularFile).filter(SourceReader::isNewsFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            problems.accept(new InputProblem(input, "cannot list folder: " + message(e)));
            return Stream.empty();
        }
        if (files.isEmpty()) {
            problems.accept(new InputProblem(input, "folder has no .txt or .jsonl files"));
        }
        return files.stream();
    }

    private static boolean isNewsFile(Path p) {
        return isNewsFile(p.getFileName().toString());
    }

    /** Whether a folder's file is read as news: {@code .txt}, {@code .jsonl}, {@code .ndjson}, or {@code .txt.gz}, {@code .jsonl.gz}. */
    public static boolean isNewsFile(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".txt.gz") || n.endsWith(".jsonl") || n.endsWith(".jsonl.gz")
                || n.endsWith(".ndjson");
    }

    /**
     * The documents of one input that is already open, read exactly as {@link #documents()} reads a file (same
     * line splitting and numbering, strict UTF-8, JSON fields, ids {@code <stem>-<line>} and origins
     * {@code <origin>:<line>}) except for one thing: it sees this input alone, so a repeated id is not given its
     * {@code ~2} suffix; a caller reading many inputs apart (the Spark job) numbers repeats itself with
     * {@link DocumentIds}. {@code in} is closed when the stream is.
     *
     * @param in     the input's bytes, already decompressed
     * @param origin the path as the user gave it (its last segment is the file name: stem and format come from it)
     * @param format how the input holds documents; {@link InputFormat#AUTO} decides by the file name
     */
    public static Stream<SourceDocument> read(InputStream in, String origin, InputFormat format, Consumer<InputProblem> problems) {
        SourceReader reader = new SourceReader(create().format(format).onProblem(problems), false);
        String name = origin.substring(Math.max(origin.lastIndexOf('/'), origin.lastIndexOf('\\')) + 1);
        return reader.read(() -> in, origin, name);
    }

    /** Opens an input; for one file or standard input. */
    private interface Opener {
        InputStream open() throws IOException;
    }

    private Stream<SourceDocument> read(Path file) {
        return read(() -> open(file), file == null ? "-" : file.toString(), file == null ? "stdin" : file.getFileName().toString());
    }

    private Stream<SourceDocument> read(Opener input, String where, String name) {
        InputFormat f = format.resolve(name);
        if (f == InputFormat.TEXT) {
            try {
                byte[] bytes = readAll(input);
                String text = Utf8.decode(bytes, 0, bytes.length);
                if (text.isBlank()) {
                    throw new InputException("empty: no text");
                }
                return Stream.of(new SourceDocument(uniqueId(stem(name)), where, text, null, null));
            } catch (InputException e) {
                problems.accept(new InputProblem(where, e.getMessage()));
            } catch (IOException e) {
                problems.accept(new InputProblem(where, message(e)));
            }
            return Stream.empty();
        }
        LineIterator lines;
        try {
            lines = new LineIterator(input.open());
        } catch (IOException e) {
            problems.accept(new InputProblem(where, message(e)));
            return Stream.empty();
        }
        Iterator<SourceDocument> docs = new RecordIterator(lines, where, stem(name), f);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(docs, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(lines::close);
    }

    /** Turns lines into documents, skipping (and reporting) bad records. */
    private final class RecordIterator implements Iterator<SourceDocument> {
        private final LineIterator lines;
        private final String where;
        private final String stem;
        private final InputFormat format;
        private SourceDocument next;
        private boolean sawAny;
        private boolean sawLine;

        RecordIterator(LineIterator lines, String where, String stem, InputFormat format) {
            this.lines = lines;
            this.where = where;
            this.stem = stem;
            this.format = format;
        }

        @Override
        public boolean hasNext() {
            while (next == null && lines.hasNext()) {
                byte[] line = lines.next();
                long n = lines.lineNumber();
                try {
                    String text = Utf8.decode(line, 0, line.length);
                    if (text.isBlank()) {
                        continue;
                    }
                    sawLine = true;
                    next = format == InputFormat.JSONL ? fromJson(text, n) : lineDocument(text, n);
                    sawAny = true;
                } catch (InputException e) {
                    sawLine = true;
                    problems.accept(new InputProblem(where + ":" + n, e.getMessage()));
                }
            }
            if (next == null && !sawAny && !lines.hasNext()) {
                sawAny = true; // report once
                if (lines.failure() == null && !sawLine) {
                    problems.accept(new InputProblem(where, "empty: no documents"));
                }
            }
            if (lines.failure() != null) {
                problems.accept(new InputProblem(where + ":" + lines.lineNumber(), message(lines.failure())));
                lines.clearFailure();
            }
            return next != null;
        }

        @Override
        public SourceDocument next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            SourceDocument d = next;
            next = null;
            return d;
        }

        private SourceDocument lineDocument(String text, long n) {
            return new SourceDocument(uniqueId(stem + "-" + n), where + ":" + n, text, null, null);
        }

        private SourceDocument fromJson(String line, long n) throws InputException {
            JsonObject o;
            try {
                JsonValue v = JSON.parseAny(line);
                if (!v.isObject()) {
                    throw new InputException("JSON line is not an object");
                }
                o = v.getAsObject();
            } catch (JsonException e) {
                throw new InputException("malformed JSON: " + firstLine(e.getMessage()));
            } catch (RuntimeException e) { // Jena's JSON parser fails so on a record cut short: {"id":"a", "text":
                throw new InputException("malformed JSON: the record ends too soon");
            }
            String text = string(o, "text");
            if (text == null || text.isBlank()) {
                throw new InputException("JSON record has no \"text\"");
            }
            String id = string(o, "id");
            LocalDate date = null;
            String d = string(o, "date");
            if (d != null && !d.isBlank()) {
                try {
                    date = LocalDate.parse(d.strip().length() > 10 ? d.strip().substring(0, 10) : d.strip());
                } catch (DateTimeParseException e) {
                    throw new InputException("JSON record has a \"date\" that is not YYYY-MM-DD: " + d);
                }
            }
            return new SourceDocument(uniqueId(id == null || id.isBlank() ? stem + "-" + n : id.strip()),
                    where + ":" + n, text, date, string(o, "title"));
        }
    }

    private static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isString() ? v.getAsString().value() : v.toString();
    }

    private String uniqueId(String base) {
        return ids == null ? base : ids.next(base);
    }

    private static byte[] readAll(Opener input) throws IOException {
        try (InputStream in = input.open()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private InputStream open(Path file) throws IOException {
        if (file == null) {
            return stdin;
        }
        InputStream in = Files.newInputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** A file name without {@code .gz}, {@code .txt}, {@code .jsonl}, {@code .ndjson}: the id, or the ids' {@code <stem>-<line>} prefix. */
    public static String stem(String name) {
        String n = name;
        for (String ext : new String[] {".gz", ".txt", ".jsonl", ".ndjson"}) {
            if (n.toLowerCase(Locale.ROOT).endsWith(ext)) {
                n = n.substring(0, n.length() - ext.length());
            }
        }
        return n.isEmpty() ? name : n;
    }

    private static String message(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof UncheckedIOException u) {
            return message(u.getCause());
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : firstLine(m);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    public static final class Builder {
        private List<String> inputs = Collections.emptyList();
        private InputFormat format = InputFormat.AUTO;
        private Consumer<InputProblem> problems = p -> { };
        private InputStream stdin = System.in;

        public Builder inputs(List<String> inputs) {
            this.inputs = new ArrayList<>(inputs);
            return this;
        }

        public Builder format(InputFormat format) {
            this.format = Objects.requireNonNull(format);
            return this;
        }

        public Builder onProblem(Consumer<InputProblem> problems) {
            this.problems = Objects.requireNonNull(problems);
            return this;
        }

        public Builder stdin(InputStream stdin) {
            this.stdin = Objects.requireNonNull(stdin);
            return this;
        }

        public SourceReader build() {
            return new SourceReader(this, true);
        }
    }
}
