package dev.bellows.cli;

import dev.bellows.BellowsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Map;

/** {@code bellows <command> [options]}: a thin shell over the Java API. */
@Command(name = "bellows",
        mixinStandardHelpOptions = true,
        versionProvider = BellowsCli.Version.class,
        description = {"Zero-downtime schema migrations for rolling upgrades: expand, migrate, contract."},
        subcommands = {
                ExpandCommand.class,
                MigrateCommand.class,
                ContractCommand.class,
                UpgradeCommand.class,
                PlanCommand.class,
                LintCommand.class,
                VerifyCommand.class,
                ExplainCommand.class,
                StatusCommand.class,
                CheckCommand.class,
                RepairCommand.class,
                BaselineCommand.class,
                InstancesCommand.class,
                DemoCommand.class,
                CommandLine.HelpCommand.class
        },
        footer = {"", "Exit codes: 0 success, 1 findings or a refused step, 2 usage or configuration, "
                + "3 database or I/O failure.", "", "Example:", "  bellows upgrade --url jdbc:postgresql://localhost/app"
                + " --user app --location db/migrations"})
public final class BellowsCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The environment the settings come from (BELLOWS_URL, …), passed in rather than read deep inside. */
    final Map<String, String> environment;

    BellowsCli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv()));
    }

    /** Runs a command line with the given output streams and environment; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return commandLine(out, err, environment).execute(args);
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        CommandLine cl = new CommandLine(new BellowsCli(environment));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof BellowsException be) {
                commandLine.getErr().println("bellows: " + be.getMessage());
                commandLine.getErr().flush();
                return be.exitCode();
            }
            commandLine.getErr().println("bellows: internal error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            commandLine.getErr().flush();
            return 3;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BellowsCli.class.getPackage().getImplementationVersion();
            return new String[]{"bellows " + (v == null ? "development build" : v)};
        }
    }
}
