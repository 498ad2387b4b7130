package dev.bellows.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs {@code bellows lint|explain …} in-process, registered the way BellowsCli registers subcommands. */
final class LintCliRunner {

    record Run(int exit, String out, String err) {
    }

    private LintCliRunner() {
    }

    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = BellowsCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env);
        if (!cl.getSubcommands().containsKey("lint")) {
            cl.addSubcommand("lint", new LintCommand());
        }
        if (!cl.getSubcommands().containsKey("explain")) {
            cl.addSubcommand("explain", new ExplainCommand());
        }
        // picocli hands streams and handlers only to subcommands present when they are set
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }
}
