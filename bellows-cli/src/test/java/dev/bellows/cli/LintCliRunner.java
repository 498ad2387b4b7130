package dev.bellows.cli;


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
        int exit = BellowsCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
        return new Run(exit, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }
}
