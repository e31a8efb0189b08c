package org.w3id.silkgraph.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;

/**
 * Writes a dump as documents arrive. A file dump goes to a temporary file beside the target and is moved into
 * place only when complete, so a failed or interrupted build never leaves a half-written dump.
 */
public final class DumpWriter implements AutoCloseable {
    private static final PrefixMap PREFIXES = PrefixMapFactory.create();

    static {
        PREFIXES.add("sg", "https://w3id.org/silkgraph/ontology#");
        PREFIXES.add("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        PREFIXES.add("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        PREFIXES.add("skos", "http://www.w3.org/2004/02/skos/core#");
        PREFIXES.add("xsd", "http://www.w3.org/2001/XMLSchema#");
        PREFIXES.add("prov", "http://www.w3.org/ns/prov#");
        PREFIXES.add("dcterms", "http://purl.org/dc/terms/");
    }

    private final DumpFormat format;
    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private final StreamRDF stream;
    private final DatasetGraph buffer;
    private boolean finished;

    private DumpWriter(DumpFormat format, Path target, OutputStream out, Path temp) {
        this.format = format;
        this.target = target;
        this.temp = temp;
        this.out = out;
        if (format.streams()) {
            this.buffer = null;
            this.stream = StreamRDFWriter.getWriterStream(out, format.rdfFormat());
            stream.start();
            PREFIXES.forEach(stream::prefix);
        } else {
            this.buffer = DatasetGraphFactory.createTxnMem();
            this.stream = null;
        }
    }

    /** A dump to {@code file}, written atomically. */
    public static DumpWriter toFile(Path file, DumpFormat format) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile: that makes the file private (0600) whatever the user's umask
        Path temp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
        Files.createFile(temp);
        return new DumpWriter(format, file, new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16), temp);
    }

    /** A dump to a stream (standard output); nothing to move into place. */
    public static DumpWriter toStream(OutputStream out, DumpFormat format) {
        return new DumpWriter(format, null, out, null);
    }

    public void add(Iterable<Quad> quads) {
        for (Quad q : quads) {
            if (buffer != null) {
                buffer.add(q);
            } else if (format.keepsGraphs()) {
                stream.quad(q);
            } else {
                stream.triple(q.asTriple());
            }
        }
    }

    /** Completes the dump and moves it into place. */
    public void finish() throws IOException {
        try {
            if (buffer != null) {
                buffer.prefixes().putAll(PREFIXES);
                RDFDataMgr.write(out, buffer, format.rdfFormat());
            } else {
                stream.finish();
            }
            out.flush();
            if (temp != null) {
                out.close();
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            finished = true;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Without {@link #finish()}, discards the temporary file: no partial dump is left behind. */
    @Override
    public void close() throws IOException {
        if (!finished && temp != null) {
            try {
                out.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
