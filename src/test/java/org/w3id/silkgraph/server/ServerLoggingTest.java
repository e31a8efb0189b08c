package org.w3id.silkgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Logging levels are fixed when Jena starts, so each case runs in a JVM of its own, as the
 * command line would.
 */
class ServerLoggingTest {

    @Test
    void quietByDefaultKeepsTheStartLineOnly() throws Exception {
        String log = runServer(false);
        assertTrue(log.contains("Start Fuseki"), log);
        assertTrue(log.contains("SPARQL endpoint http://localhost:"), log);
        assertFalse(log.contains(ServerLoggingRun.QUERY), log);
        assertFalse(log.contains("GET /kg/sparql"), log);
        assertFalse(log.contains("org.eclipse.jetty"), log);
    }

    @Test
    void verboseLogsEachRequest() throws Exception {
        String log = runServer(true);
        assertTrue(log.contains("Start Fuseki"), log);
        assertTrue(log.contains("Query = " + ServerLoggingRun.QUERY), log);
        assertTrue(log.contains("200 OK"), log);
    }

    private static String runServer(boolean verbose) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ServerLoggingRun.class.getName(), Boolean.toString(verbose))
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server run did not end");
        String log = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), log);
        return log;
    }
}
