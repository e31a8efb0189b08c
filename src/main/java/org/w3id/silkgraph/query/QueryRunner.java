package org.w3id.silkgraph.query;

import java.io.OutputStream;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.system.Txn;

/**
 * Runs SPARQL queries against a local dataset or a remote endpoint and writes the results:
 * <pre>
 *   QueryRunner.over(dataset).run(CannedQueries.builtIn().find("events").orElseThrow(), ResultFormat.TABLE, System.out);
 *   QueryRunner.remote("http://localhost:3030/kg/sparql").run(text, "my.rq", ResultFormat.CSV, System.out);
 * </pre>
 */
public final class QueryRunner {

    /** Where a query runs: hands an execution to {@code work} and cleans up after it. */
    private interface Target {
        void execute(Query query, Consumer<QueryExecution> work);
    }

    private final Target target;

    private QueryRunner(Target target) {
        this.target = target;
    }

    /** Queries see the dataset's default graph; results are written inside one read transaction. */
    public static QueryRunner over(Dataset dataset) {
        Objects.requireNonNull(dataset, "dataset");
        return new QueryRunner((query, work) -> {
            Runnable run = () -> {
                try (QueryExecution execution = QueryExecution.dataset(dataset).query(query).build()) {
                    work.accept(execution);
                }
            };
            if (dataset.supportsTransactions())
                Txn.executeRead(dataset, run);
            else
                run.run();
        });
    }

    /** A SPARQL 1.1 protocol query endpoint, e.g. {@code http://localhost:3030/kg/sparql}. */
    public static QueryRunner remote(String endpointUrl) {
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        return new QueryRunner((query, work) -> {
            try (QueryExecution execution = QueryExecutionHTTP.service(endpointUrl).query(query).build()) {
                work.accept(execution);
            }
        });
    }

    public void run(CannedQuery query, ResultFormat format, OutputStream out) {
        run(query.text(), query.fileName(), format, out);
    }

    /**
     * @param source names the query in error messages, e.g. its file name
     * @throws MalformedQueryException when the text is not a query
     */
    public void run(String queryText, String source, ResultFormat format, OutputStream out) {
        Query query = parse(queryText, source);
        target.execute(query, execution -> ResultWriter.write(query, execution, format, out));
    }

    /**
     * Parses with Jena's ARQ syntax, the superset of SPARQL 1.1 that Fuseki accepts too.
     *
     * @throws MalformedQueryException with a one-line message naming the source, line and column
     */
    public static Query parse(String queryText, String source) {
        try {
            return QueryFactory.create(queryText, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            throw MalformedQueryException.of(source, e);
        }
    }
}
