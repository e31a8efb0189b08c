package org.w3id.silkgraph.source;

/** A bad input that was skipped: where, and what is wrong with it, in one line. */
public record InputProblem(String where, String what) {
    @Override
    public String toString() {
        return where + ": " + what;
    }
}
