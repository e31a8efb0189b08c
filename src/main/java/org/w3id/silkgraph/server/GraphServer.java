package org.w3id.silkgraph.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.FusekiException;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Fuseki serving one knowledge graph, read-only, at {@code /kg}:
 * SPARQL query at {@code /kg/sparql} and {@code /kg/query}, Graph Store Protocol reads at
 * {@code /kg/get} and {@code /kg/data}. Listens on the loopback interface unless told otherwise.
 * A query page for the browser is at {@code /}, with the canned queries at {@code /queries.json}
 * (see {@link QueryPage}).
 * <pre>
 *   GraphServer server = GraphServer.create().dataset(dsg).port(0).build().start();
 *   String url = server.endpoint();   // http://localhost:43117/kg/sparql
 * </pre>
 */
public final class GraphServer implements AutoCloseable {

    /** The name the graph is served under. */
    public static final String SERVICE = "/kg";
    /** The separate service for SPARQL Update and Graph Store writes, present only when updates are enabled. */
    public static final String UPDATE_SERVICE = "/kg-update";
    public static final int DEFAULT_PORT = 3030;
    public static final String DEFAULT_BIND = "localhost";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(GraphServer.class);

    private final FusekiServer fuseki;
    private final String host;

    private GraphServer(FusekiServer fuseki, String host) {
        this.fuseki = fuseki;
        this.host = host;
    }

    public static Builder create() {
        return new Builder();
    }

    /** @throws IllegalStateException when the server cannot listen, e.g. because the port is taken */
    public GraphServer start() {
        try {
            fuseki.start();
        } catch (FusekiException e) {
            Throwable cause = e;
            while (cause.getCause() != null)
                cause = cause.getCause();
            throw new IllegalStateException("Cannot listen on " + host + ":" + port() + ": " + cause.getMessage(), e);
        }
        LOG.info("SPARQL endpoint {}", endpoint());
        return this;
    }

    /** The port listened on: the one asked for, or once started, the one the system chose when 0 was asked for. */
    public int port() {
        return fuseki.getHttpPort();
    }

    /** The query endpoint's URL, e.g. {@code http://localhost:3030/kg/sparql}. */
    public String endpoint() {
        return baseUrl() + queryEndpointPath(fuseki.getDataAccessPointRegistry());
    }

    /** The query page's URL, e.g. {@code http://localhost:3030/}. */
    public String pageUrl() {
        return baseUrl() + "/";
    }

    public void stop() {
        fuseki.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private String baseUrl() {
        return "http://" + host + ":" + port();
    }

    /**
     * The path of the first query endpoint: {@code /kg/sparql} for a dataset, whatever the
     * configuration file named for a configured server.
     */
    static String queryEndpointPath(DataAccessPointRegistry registry) {
        return registry.accessPoints().stream()
                .sorted(Comparator.comparing((DataAccessPoint dap) -> !dap.getName().equals(SERVICE))
                        .thenComparing(DataAccessPoint::getName))
                .flatMap(dap -> dap.getDataService().getEndpoints(Operation.Query).stream()
                        .sorted(Comparator.comparing((Endpoint ep) -> !ep.getName().equals("sparql"))
                                .thenComparing(Endpoint::getName))
                        .map(ep -> ep.isUnnamed() ? dap.getName() : dap.getName() + "/" + ep.getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The server has no SPARQL query endpoint"));
    }

    public static final class Builder {
        private DatasetGraph dataset;
        private Path config;
        private int port = DEFAULT_PORT;
        private String bind = DEFAULT_BIND;
        private Duration timeout = DEFAULT_TIMEOUT;
        private boolean verbose;
        private boolean updates;

        private Builder() {}

        /**
         * Also offer SPARQL Update ({@code /kg-update/update}) and Graph Store writes ({@code /kg-update/data})
         * on a separate service. Off by default; the public service {@value GraphServer#SERVICE} stays read-only.
         */
        public Builder updates(boolean updates) {
            this.updates = updates;
            return this;
        }

        /** Serve this dataset, read-only, as {@value GraphServer#SERVICE}; its default graph is what queries see. */
        public Builder dataset(DatasetGraph dataset) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
            return this;
        }

        /** Serve what a Fuseki assembler configuration file describes: its services, endpoints and permissions. */
        public Builder config(Path fusekiConfigTtl) {
            this.config = Objects.requireNonNull(fusekiConfigTtl, "fusekiConfigTtl");
            return this;
        }

        /** 0 asks for any free port; {@link GraphServer#port()} tells which. */
        public Builder port(int port) {
            if (port < 0 || port > 65535)
                throw new IllegalArgumentException("Port out of range: " + port);
            this.port = port;
            return this;
        }

        /** The interface to listen on: "localhost" (the default), an address, or "0.0.0.0" for all. */
        public Builder bind(String host) {
            this.bind = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * How long a query may run. For a configuration file, this applies to the datasets for which
         * the file sets no {@code arq:queryTimeout}.
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero())
                throw new IllegalArgumentException("Timeout must be positive: " + timeout);
            this.timeout = timeout;
            return this;
        }

        /**
         * Fuseki's verbose request logging (full query text). Whether requests are logged at all is
         * decided by {@link ServerLogging#configure(boolean)} before Jena starts.
         */
        public Builder verbose(boolean verbose) {
            this.verbose = verbose;
            return this;
        }

        public GraphServer build() {
            if ((dataset == null) == (config == null))
                throw new IllegalStateException("Give either a dataset or a Fuseki configuration file");
            FusekiServer.Builder fuseki = FusekiServer.create()
                    .port(port)
                    .verbose(verbose)
                    .enableCors(true);
            if (dataset != null) {
                fuseki.add(SERVICE, readOnlyService(dataset, timeoutContext()));
                if (updates)
                    fuseki.add(UPDATE_SERVICE, updateService(dataset));
            } else
                fuseki.parseConfigFile(existing(config));
            QueryPage.addTo(fuseki);
            FusekiServer server = fuseki.build();
            if (config != null)
                applyDefaultTimeout(server);
            listenOn(server, bind);
            return new GraphServer(server, urlHost(bind));
        }

        /**
         * Only query and graph reads: with no update or GSP-write endpoint, Fuseki answers a write
         * with an error instead of dispatching it. The timeout lives in the endpoints' context, not
         * the dataset's, so the caller's dataset is left as it was.
         */
        private static DataService readOnlyService(DatasetGraph dataset, Context queryContext) {
            DataService.Builder service = DataService.newBuilder(dataset);
            for (String name : new String[] {"", "sparql", "query"})
                service.addEndpoint(endpoint(Operation.Query, name, queryContext));
            for (String name : new String[] {"", "get", "data"})
                service.addEndpoint(endpoint(Operation.GSP_R, name, null));
            return service.build();
        }

        /** Writes, apart from the public service, so enabling them never changes what /kg allows. */
        private static DataService updateService(DatasetGraph dataset) {
            return DataService.newBuilder(dataset)
                    .addEndpoint(endpoint(Operation.Update, "update", null))
                    .addEndpoint(endpoint(Operation.GSP_RW, "data", null))
                    .build();
        }

        private static Endpoint endpoint(Operation operation, String name, Context context) {
            return Endpoint.create().operation(operation).endpointName(name).context(context).build();
        }

        private Context timeoutContext() {
            Context context = new Context();
            context.set(ARQ.queryTimeout, Long.toString(timeout.toMillis()));
            return context;
        }

        /**
         * Fuseki merges its global context, then the dataset's, then the endpoint's; a dataset
         * default is the only place left that does not override what the file says.
         */
        private void applyDefaultTimeout(FusekiServer server) {
            if (Fuseki.getContext().isDefined(ARQ.queryTimeout))
                return;
            server.getDataAccessPointRegistry().accessPoints().stream()
                    .map(dap -> dap.getDataService().getDataset().getContext())
                    .filter(context -> !context.isDefined(ARQ.queryTimeout))
                    .forEach(context -> context.putAll(timeoutContext()));
        }

        private static Path existing(Path file) {
            if (!Files.isReadable(file))
                throw new IllegalArgumentException("Cannot read the Fuseki configuration file " + file);
            return file;
        }

        /** Fuseki's own loopback switch does the same for "localhost"; this also takes any other address. */
        private static void listenOn(FusekiServer server, String host) {
            for (Connector connector : server.getJettyServer().getConnectors()) {
                if (connector instanceof ServerConnector serverConnector)
                    serverConnector.setHost(host);
            }
        }

        /** The wildcard addresses are reachable as localhost; an IPv6 literal needs brackets in a URL. */
        private static String urlHost(String bind) {
            if (bind.equals("0.0.0.0") || bind.equals("::"))
                return "localhost";
            return bind.contains(":") ? "[" + bind + "]" : bind;
        }
    }
}
