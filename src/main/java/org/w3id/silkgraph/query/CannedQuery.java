package org.w3id.silkgraph.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SPARQL query kept in a {@code NAME.rq} file whose first lines say what it is for:
 * <pre>
 *   # title: Cooperation partners of a country
 *   # description: Countries stated to cooperate with … Edit the VALUES line to …
 *   #   (a description goes on over further comment lines, up to a bare "#" or the query)
 * </pre>
 */
public record CannedQuery(String name, String title, String description, String text) {

    static final String EXTENSION = ".rq";
    private static final Pattern HEADER_FIELD = Pattern.compile("^#\\s*(title|description)\\s*:(.*)$");

    public String fileName() {
        return fileName(name);
    }

    static String fileName(String name) {
        return name + EXTENSION;
    }

    /** Reads the title and description from the comment lines at the top of the query text. */
    static CannedQuery parse(String name, String text) {
        String title = null;
        StringBuilder description = null;
        String field = null;
        for (String line : text.lines().map(String::strip).toList()) {
            if (!line.startsWith("#"))
                break;
            Matcher header = HEADER_FIELD.matcher(line);
            String comment = line.substring(1).strip();
            if (header.matches()) {
                field = header.group(1);
                if (field.equals("title"))
                    title = header.group(2).strip();
                else
                    description = new StringBuilder(header.group(2).strip());
            } else if ("description".equals(field) && !comment.isEmpty()) {
                description.append(' ').append(comment);
            } else {
                field = null;
            }
        }
        if (title == null || title.isEmpty())
            throw new MalformedQueryException(fileName(name) + ": the file does not start with a '# title:' line");
        if (description == null)
            throw new MalformedQueryException(fileName(name) + ": the file has no '# description:' line at the top");
        return new CannedQuery(name, title, description.toString().strip(), text);
    }
}
