package org.w3id.silkgraph.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.QueryParseException;

/** A query that cannot be read; the message is one line naming the source and, when known, the line and column. */
public final class MalformedQueryException extends RuntimeException {

    /** Where the parser's message says the error is: "Line 2, column 6: …" or "… at line 7, column 1." */
    private static final Pattern POSITION = Pattern.compile("^Line (-?\\d+), column (-?\\d+):|\\s*at line (-?\\d+), column (-?\\d+)");
    /** JavaCC's "Encountered " "}" "} "" …": the token's kind, then its text. */
    private static final Pattern UNEXPECTED_TOKEN = Pattern.compile("^Encountered \" .*? \"(.*) \"\"\\.?$");

    MalformedQueryException(String message) {
        super(message);
    }

    /**
     * The exception's own line and column are those of the last token read well; the message's
     * are those of the offending one, so they are preferred.
     */
    static MalformedQueryException of(String source, QueryParseException parseError) {
        String message = parseError.getMessage() == null ? "" : parseError.getMessage().lines().findFirst().orElse("");
        int line = parseError.getLine();
        int column = parseError.getColumn();
        Matcher position = POSITION.matcher(message);
        if (position.find()) {
            line = Integer.parseInt(position.group(1) != null ? position.group(1) : position.group(3));
            column = Integer.parseInt(position.group(2) != null ? position.group(2) : position.group(4));
        }
        String what = position.replaceAll("").replaceAll("\\s+", " ").strip();
        Matcher token = UNEXPECTED_TOKEN.matcher(what);
        if (token.matches())
            what = "unexpected \"" + token.group(1) + "\"";
        String where = line > 0 ? source + ", line " + line + ", column " + column : source;
        return new MalformedQueryException(where + ": " + (what.isEmpty() ? "syntax error" : what));
    }
}
