package org.w3id.silkgraph.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The data files shipped in the jar (gazetteers, word lists): UTF-8 text, one entry a line, {@code #} starts a
 * comment line (the first one names the file's source).
 */
public final class DataFiles {
    private DataFiles() {
    }

    /**
     * The non-blank, non-comment lines of resource {@code name}, looked up relative to {@code anchor}'s package
     * (or absolute with a leading slash), as they are (trailing tabs kept: they are empty columns).
     *
     * @throws IllegalStateException when the file is not in the jar: a build error, not a user's
     */
    public static List<String> lines(Class<?> anchor, String name) {
        InputStream in = anchor.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing data file " + name);
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.replace("\r", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
