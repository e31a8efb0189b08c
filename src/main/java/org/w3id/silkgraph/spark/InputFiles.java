package org.w3id.silkgraph.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.w3id.silkgraph.source.InputFormat;
import org.w3id.silkgraph.source.InputProblem;
import org.w3id.silkgraph.source.SourceDocument;
import org.w3id.silkgraph.source.SourceReader;

/**
 * The files a job reads, listed on the driver the way {@link SourceReader} lists them for the CLI, from any file
 * system Hadoop reaches (local, HDFS, S3 through the cluster's configuration): a file as itself, a folder as its
 * news files ({@link SourceReader#isNewsFile}) in path order. Each file keeps the origin the CLI would give it (the
 * path as the user wrote it), so documents get the same ids, origins and therefore the same quads.
 */
final class InputFiles {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

    private InputFiles() {
    }

    /**
     * One file to read.
     *
     * @param index  its place in the input order, for numbering repeated ids as the CLI does
     * @param path   the fully qualified path to open
     * @param origin the path as the CLI would write it in {@code sg:sourceRecord}
     * @param format how it holds documents, as given ({@code AUTO} decides by its name)
     */
    record InputFile(int index, String path, String origin, InputFormat format) implements Serializable {
    }

    /** The files of the inputs, in input order; a missing input or an empty folder is a problem, not a failure. */
    static List<InputFile> list(List<String> inputs, InputFormat format, Configuration conf, Consumer<InputProblem> problems) {
        List<InputFile> files = new ArrayList<>();
        for (String input : inputs) {
            String given = asGiven(input);
            try {
                Path path = new Path(input);
                FileSystem fs = path.getFileSystem(conf);
                FileStatus status;
                try {
                    status = fs.getFileStatus(path);
                } catch (FileNotFoundException e) {
                    problems.accept(new InputProblem(input, "no such file or folder"));
                    continue;
                }
                if (status.isFile()) {
                    files.add(new InputFile(files.size(), status.getPath().toString(), given, format));
                    continue;
                }
                String base = status.getPath().toUri().getPath();
                base = base.endsWith("/") ? base : base + "/";
                List<String[]> found = new ArrayList<>(); // {relative path, qualified path}
                for (RemoteIterator<LocatedFileStatus> it = fs.listFiles(status.getPath(), true); it.hasNext(); ) {
                    Path p = it.next().getPath();
                    if (SourceReader.isNewsFile(p.getName())) {
                        found.add(new String[] {p.toUri().getPath().substring(base.length()), p.toString()});
                    }
                }
                if (found.isEmpty()) {
                    problems.accept(new InputProblem(input, "folder has no .txt or .jsonl files"));
                }
                found.sort(Comparator.comparing(f -> f[0]));
                for (String[] f : found) {
                    files.add(new InputFile(files.size(), f[1], child(given, f[0]), format));
                }
            } catch (IOException e) {
                problems.accept(new InputProblem(input, "cannot list: " + e.getMessage()));
            }
        }
        return files;
    }

    /**
     * The documents of one file, with the ids {@link SourceReader} gives them before numbering repeats. Opens the
     * file through Hadoop and decompresses {@code .gz} as the CLI does; bad records go to {@code problems}.
     */
    static Stream<SourceDocument> documents(InputFile file, Configuration conf, Consumer<InputProblem> problems) {
        InputStream in;
        try {
            Path path = new Path(file.path());
            in = path.getFileSystem(conf).open(path, 1 << 16);
            if (file.path().endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
        } catch (IOException e) {
            problems.accept(new InputProblem(file.origin(), e instanceof FileNotFoundException ? "no such file" : e.getMessage()));
            return Stream.empty();
        }
        Stream<SourceDocument> docs = SourceReader.read(in, file.origin(), file.format(), problems);
        Iterator<SourceDocument> it = docs.iterator();
        // a reader that fails half-way (a bug, a broken connection) ends this file as a problem, not the job
        Iterator<SourceDocument> guarded = new Iterator<>() {
            private boolean failed;

            @Override
            public boolean hasNext() {
                try {
                    return !failed && it.hasNext();
                } catch (RuntimeException e) {
                    failed = true;
                    problems.accept(new InputProblem(file.origin(), "reading stopped: " + e));
                    return false;
                }
            }

            @Override
            public SourceDocument next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return it.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(guarded, Spliterator.ORDERED), false).onClose(docs::close);
    }

    /** The input as the CLI's {@code Path.of(input).toString()} writes it; a URI keeps its spelling, less a final slash. */
    static String asGiven(String input) {
        if (SCHEME.matcher(input).matches()) {
            String s = input;
            while (s.endsWith("/") && !s.endsWith("//")) {
                s = s.substring(0, s.length() - 1);
            }
            return s;
        }
        return java.nio.file.Path.of(input).toString();
    }

    private static String child(String folder, String relative) {
        return SCHEME.matcher(folder).matches() ? folder + "/" + relative : java.nio.file.Path.of(folder).resolve(relative).toString();
    }
}
