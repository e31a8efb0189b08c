package org.w3id.silkgraph.cli;

import java.io.PrintWriter;

import org.w3id.silkgraph.server.ServerLogging;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The silkgraph command. Standard output carries data, standard error talks to people. Exit status: 0 done,
 * 1 failed (a bad input, a bad query, an I/O error), 2 wrong usage.
 */
@Command(name = "silkgraph", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Knowledge graphs of science-and-technology cooperation from Chinese news.",
        subcommands = {BuildCommand.class, LoadCommand.class, ServeCommand.class, QueryCommand.class, DumpCommand.class, ValidateCommand.class, BenchCommand.class, LoadTestCommand.class})
public final class Main {

    public static void main(String[] args) {
        // before anything touches Jena: slf4j-simple fixes logger levels when loggers are created
        ServerLogging.configure(java.util.Arrays.asList(args).contains("--verbose"));
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit status; for tests. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CommandLine.ParameterException p) {
                // a check made while running, on an option's value: still wrong usage
                return cmd.getParameterExceptionHandler().handleParseException(p, args);
            }
            PrintWriter err = cmd.getErr();
            err.println("silkgraph: " + oneLine(e));
            err.flush();
            return 1;
        });
        return cl.execute(args);
    }

    static String oneLine(Throwable e) {
        Throwable t = e;
        while ((t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"silkgraph " + (v == null ? "(development)" : v)};
        }
    }
}
