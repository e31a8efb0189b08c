package org.w3id.silkgraph.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import org.w3id.silkgraph.GraphBuild;

/** Progress of a long build on standard error (at most every two seconds), and a one-line summary at the end. */
final class Progress {
    private final PrintStream err;
    private final boolean quiet;
    private final long start = System.nanoTime();
    private long lastPrint = start;
    private boolean printed;

    Progress(PrintStream err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    void update(GraphBuild.Summary s) {
        long now = System.nanoTime();
        if (quiet || now - lastPrint < 2_000_000_000L) {
            return;
        }
        lastPrint = now;
        printed = true;
        double left = s.secondsLeft();
        err.printf(Locale.ROOT, "\r%,d%s documents, %,d triples, %.0f docs/s%s   ", s.documents(),
                s.expected() > 0 ? String.format(Locale.ROOT, " of %,d", s.expected()) : "", s.quads(),
                s.documents() / Math.max(s.seconds(), 1e-3),
                left < 0 ? "" : String.format(Locale.ROOT, ", ETA %d:%02d", (long) left / 60, (long) left % 60));
        err.flush();
    }

    void done(GraphBuild.Summary s, Path output) {
        if (quiet) {
            return;
        }
        if (printed) {
            err.println();
        }
        // the whole command's time: a store's loading and indexing go on after the last document is read
        err.printf(Locale.ROOT, "%,d documents, %,d entities, %,d facts, %,d triples in %.1f s%s%n", s.documents(),
                s.entities(), s.facts(), s.quads(), (System.nanoTime() - start) / 1e9, output == null ? "" : " -> " + output);
    }
}
