package org.w3id.silkgraph.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a silkgraph command line in this JVM, as a shell would, with standard output and error captured. */
final class Cli {

    /** What a run gave: its exit status and what it wrote (UTF-8). */
    record Result(int status, String out, String err) {
        /** The non-blank lines of standard error. */
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        List<String> outLines() {
            return out.lines().filter(l -> !l.isBlank()).toList();
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    private Cli() {}

    static synchronized Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            status = Main.run(args);
            o.flush();
            e.flush();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Result(status, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    }
}
