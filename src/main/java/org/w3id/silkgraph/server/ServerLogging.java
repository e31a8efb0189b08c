package org.w3id.silkgraph.server;

import java.util.Map;

/**
 * Keeps the server's log to its start and stop lines unless asked to be verbose.
 * <p>
 * Fuseki logs every request at INFO, and Jetty its start-up. slf4j-simple fixes a logger's level
 * when the logger is created, and Jena creates Fuseki's loggers as soon as Jena initializes (any
 * parse or query does), so this must run before anything touches Jena: first thing in {@code main}.
 * A level the user set with {@code -Dorg.slf4j.simpleLogger.log.NAME=LEVEL} is left alone.
 */
public final class ServerLogging {

    private static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.";
    /**
     * Fuseki's per-request logs (actions, and the NCSA request line), and Jetty's start-up. The
     * start line comes from org.apache.jena.fuseki.Server and stays.
     */
    private static final Map<String, String> QUIET = Map.of(
            "org.apache.jena.fuseki.Fuseki", "warn",
            "org.apache.jena.fuseki.Request", "warn",
            "org.eclipse.jetty", "warn");

    private ServerLogging() {}

    public static void configure(boolean verbose) {
        QUIET.forEach((logger, quietLevel) -> {
            String property = LEVEL_PROPERTY + logger;
            if (System.getProperty(property) == null)
                System.setProperty(property, verbose ? "info" : quietLevel);
        });
    }
}
