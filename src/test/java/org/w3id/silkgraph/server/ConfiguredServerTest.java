package org.w3id.silkgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server started from a Fuseki assembler configuration file instead of a dataset. */
class ConfiguredServerTest {

    @TempDir
    static Path folder;
    private static Path data;
    private final SparqlHttp http = new SparqlHttp();

    @BeforeAll
    static void writeData() throws IOException {
        data = folder.resolve("generated.nt");
        DatasetGraph dsg = QueryTimeoutTest.generated();
        try (OutputStream out = Files.newOutputStream(data)) {
            Txn.executeRead(dsg, () -> RDFDataMgr.write(out, dsg.getDefaultGraph(), Lang.NTRIPLES));
        }
    }

    @Test
    void servesWhatTheFileDescribesWithTheDefaultTimeout() throws IOException {
        Path config = writeConfig("config.ttl", "");
        try (GraphServer server = GraphServer.create().config(config).port(0)
                .timeout(Duration.ofSeconds(1)).build().start()) {
            assertEquals("http://localhost:" + server.port() + "/graph/q", server.endpoint());
            assertEquals(String.valueOf(QueryTimeoutTest.TRIPLES / 10),
                    http.select(server.endpoint(), QueryTimeoutTest.SIMPLE).get(0).get("n"));
            assertRunawayStoppedWithin(server, Duration.ofSeconds(8));
        }
    }

    @Test
    void aTimeoutInTheFileWins() throws IOException {
        Path config = writeConfig("config-timeout.ttl",
                "ja:context [ ja:cxtName \"arq:queryTimeout\" ; ja:cxtValue \"500\" ] ;");
        try (GraphServer server = GraphServer.create().config(config).port(0)
                .timeout(Duration.ofSeconds(60)).build().start()) {
            assertRunawayStoppedWithin(server, Duration.ofSeconds(8));
        }
    }

    @Test
    void aMissingFileIsReportedByName() {
        Path missing = folder.resolve("nowhere.ttl");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> GraphServer.create().config(missing).build());
        assertTrue(error.getMessage().contains("nowhere.ttl"), error.getMessage());
    }

    private void assertRunawayStoppedWithin(GraphServer server, Duration limit) {
        long started = System.nanoTime();
        HttpResponse<String> response = http.get(server.endpoint(), QueryTimeoutTest.RUNAWAY, "");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(took.compareTo(limit) < 0, "took " + took);
    }

    private static Path writeConfig(String name, String datasetContext) throws IOException {
        String config = """
                PREFIX fuseki: <http://jena.apache.org/fuseki#>
                PREFIX ja:     <http://jena.hpl.hp.com/2005/11/Assembler#>

                <#service> a fuseki:Service ;
                    fuseki:name "graph" ;
                    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "q" ] ;
                    fuseki:dataset <#dataset> .

                <#dataset> a ja:MemoryDataset ;
                    %s
                    ja:data <%s> .
                """.formatted(datasetContext, data.toUri());
        return Files.writeString(folder.resolve(name), config);
    }
}
