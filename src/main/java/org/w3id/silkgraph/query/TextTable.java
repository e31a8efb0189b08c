package org.w3id.silkgraph.query;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Stream;

/**
 * A table for people to read in a terminal, in the pipe style of Markdown so it also pastes into
 * notes. Columns are aligned by display width, so Chinese text lines up.
 */
final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows;

    TextTable(List<String> header, List<List<String>> rows) {
        this.header = oneLine(header);
        this.rows = rows.stream().map(TextTable::oneLine).toList();
    }

    void write(PrintWriter out) {
        int[] widths = columnWidths();
        writeRow(out, header, widths);
        StringBuilder rule = new StringBuilder("|");
        for (int width : widths)
            rule.append("-".repeat(width + 2)).append('|');
        out.println(rule);
        rows.forEach(row -> writeRow(out, row, widths));
        out.flush();
    }

    private int[] columnWidths() {
        int[] widths = new int[header.size()];
        Stream.concat(Stream.of(header), rows.stream()).forEach(row -> {
            for (int i = 0; i < widths.length; i++)
                widths[i] = Math.max(widths[i], DisplayWidth.of(row.get(i)));
        });
        return widths;
    }

    private static void writeRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            String cell = cells.get(i);
            line.append(' ').append(cell).append(" ".repeat(widths[i] - DisplayWidth.of(cell) + 1)).append('|');
        }
        out.println(line);
    }

    /** A line break or tab inside a cell (an evidence sentence may have one) would break the grid. */
    private static List<String> oneLine(List<String> cells) {
        return cells.stream().map(cell -> cell.replaceAll("[\\t\\n\\x0B\\f\\r\\u0085\\u2028\\u2029]+", " ")).toList();
    }
}
