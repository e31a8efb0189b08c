package org.w3id.silkgraph.query;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.resultset.ResultsWriter;

/** Writes what a query execution returns, in the form its query type and the chosen format call for. */
final class ResultWriter {

    private ResultWriter() {}

    static void write(Query query, QueryExecution execution, ResultFormat format, OutputStream out) {
        switch (query.queryType()) {
            case SELECT -> writeRows(execution.execSelect(), query.getPrefixMapping(), format, out);
            case ASK -> writeBoolean(execution.execAsk(), format, out);
            case CONSTRUCT -> writeGraph(execution.execConstruct(), format, out);
            case DESCRIBE -> writeGraph(execution.execDescribe(), format, out);
            default -> throw new IllegalArgumentException("Unsupported query type: " + query.queryType());
        }
    }

    private static void writeRows(ResultSet rows, PrefixMapping prefixes, ResultFormat format, OutputStream out) {
        switch (format) {
            case TABLE -> table(rows, prefixes).write(printer(out));
            case CSV -> results(ResultSetLang.RS_CSV).write(out, rows);
            case TSV -> results(ResultSetLang.RS_TSV).write(out, rows);
            case JSON -> results(ResultSetLang.RS_JSON).write(out, rows);
        }
    }

    private static void writeBoolean(boolean answer, ResultFormat format, OutputStream out) {
        if (format == ResultFormat.JSON) {
            results(ResultSetLang.RS_JSON).write(out, answer);
        } else {
            PrintWriter printer = printer(out);
            printer.println(answer);
            printer.flush();
        }
    }

    private static void writeGraph(Model graph, ResultFormat format, OutputStream out) {
        RDFDataMgr.write(out, graph, format == ResultFormat.JSON ? RDFFormat.JSONLD : RDFFormat.TURTLE);
    }

    private static ResultsWriter results(Lang lang) {
        return ResultsWriter.create().lang(lang).build();
    }

    private static TextTable table(ResultSet rows, PrefixMapping prefixes) {
        List<String> variables = rows.getResultVars();
        List<List<String>> cells = new ArrayList<>();
        while (rows.hasNext()) {
            Binding row = rows.nextBinding();
            cells.add(variables.stream().map(v -> cellText(row.get(v), prefixes)).toList());
        }
        return new TextTable(variables, cells);
    }

    /** What a person wants to see: a literal's text, an IRI in its prefixed form where the query declares one. */
    private static String cellText(Node node, PrefixMapping prefixes) {
        if (node == null)
            return "";
        if (node.isLiteral())
            return node.getLiteralLexicalForm();
        if (node.isURI()) {
            String prefixed = prefixes.qnameFor(node.getURI());
            return prefixed != null ? prefixed : "<" + node.getURI() + ">";
        }
        if (node.isBlank())
            return "_:" + node.getBlankNodeLabel();
        return node.toString();
    }

    private static PrintWriter printer(OutputStream out) {
        return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }
}
