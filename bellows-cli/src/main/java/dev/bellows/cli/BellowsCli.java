package dev.bellows.cli;

import dev.bellows.BellowsException;
import dev.bellows.report.Palette;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code bellows <command> [options]}: a thin shell over the Java API. */
@Command(name = "bellows",
        mixinStandardHelpOptions = true,
        versionProvider = BellowsCli.Version.class,
        description = {"Zero-downtime schema migrations for rolling upgrades: expand, migrate, contract."},
        footer = {"", "Exit codes: 0 success, 1 findings or a refused step, 2 usage or configuration, "
                + "3 database or I/O failure.", "", "Example:",
                "  bellows upgrade --url jdbc:postgresql://localhost/app --user app \\",
                "      --location db/migrations"})
public final class BellowsCli implements Callable<Integer> {

    /**
     * Every command, in the order {@code --help} lists them. A command line that names one of them gets only
     * that one (picocli reads each command's options by reflection: reading all of them took a good part of a
     * {@code bellows lint}'s start-up; see bellows-bench/README.md).
     */
    static final class Registry {
        static final List<Class<?>> COMMANDS = List.of(
                ExpandCommand.class,
                MigrateCommand.class,
                ContractCommand.class,
                UpgradeCommand.class,
                PlanCommand.class,
                LintCommand.class,
                VerifyCommand.class,
                ImportCommand.class,
                QueriesCommand.class,
                ExplainCommand.class,
                StatusCommand.class,
                CheckCommand.class,
                RepairCommand.class,
                BaselineCommand.class,
                InstancesCommand.class,
                DemoCommand.class,
                CommandLine.HelpCommand.class);

        private Registry() {
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No colours, even on a terminal (also when the environment sets NO_COLOR).")
    boolean noColor;

    /** The environment the settings come from (BELLOWS_URL, …), passed in rather than read deep inside. */
    final Map<String, String> environment;

    /** Whether standard output is a terminal (colours are only ever written to one). */
    final boolean terminal;

    BellowsCli(Map<String, String> environment, boolean terminal) {
        this.environment = Map.copyOf(environment);
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        boolean terminal = Terminal.stdoutIsTerminal();
        Map<String, String> env = System.getenv();
        if (args.length == 0 || args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            // bare usage on stderr (exit 2), --help on stdout (exit 0): the page picocli rendered at build time
            Optional<String> page = HelpPage.prebuilt(colour(terminal, env, false));
            if (page.isPresent()) {
                (args.length == 0 ? System.err : System.out).print(page.get());
                System.exit(args.length == 0 ? 2 : 0);
            }
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), env, terminal));
    }

    /** Runs a command line with the given output streams and environment; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return run(args, out, err, environment, false);
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter, Map)}; {@code terminal}: output goes to a terminal. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment,
                          boolean terminal) {
        Optional<LintCommand> lint = QuickLint.parse(args, environment, terminal);
        if (lint.isPresent()) {
            try {
                return lint.get().execute(out, err);
            } catch (RuntimeException e) {
                return failed(e, err);
            } finally {
                out.flush();
            }
        }
        return runWithPicocli(args, out, err, environment, terminal);
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter, Map, boolean)}, every command line parsed by picocli. */
    static int runWithPicocli(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment,
                              boolean terminal) {
        CommandLine cl = commandLine(out, err, environment, terminal, args.length == 0 ? null : args[0]);
        boolean colour = colour(terminal, environment, Arrays.asList(args).contains("--no-color"));
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(colour ? Ansi.ON : Ansi.OFF));
        return cl.execute(args);
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return commandLine(out, err, environment, false, null);
    }

    /** With {@code only} the name of a command: that command alone; otherwise all of them. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> environment,
                                   boolean terminal, String only) {
        CommandLine cl = new CommandLine(new BellowsCli(environment, terminal));
        boolean known = Registry.COMMANDS.stream().anyMatch(c -> name(c).equals(only)) && !"help".equals(only);
        for (Class<?> command : Registry.COMMANDS) {
            if (!known || name(command).equals(only)) {
                cl.addSubcommand(command);
            }
        }
        verbatimExamples(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.OFF));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, commandLine.getErr()));
        return cl;
    }

    /** What a command that threw prints, and its exit code: the message of a {@link BellowsException}, else 3. */
    static int failed(Exception ex, PrintWriter err) {
        if (ex instanceof BellowsException be) {
            err.println("bellows: " + be.getMessage());
            err.flush();
            return be.exitCode();
        }
        err.println("bellows: internal error: " + ex);
        ex.printStackTrace(err);
        err.flush();
        return 3;
    }

    /**
     * Footers: indented lines (the examples) exactly as written, so that they can be copied; picocli would
     * break them at 80 columns, inside a JDBC URL or between an option and its value. Prose is wrapped.
     */
    private static void verbatimExamples(CommandLine cl) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = new java.util.LinkedHashMap<>(cl.getHelpSectionMap());
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, help -> {
            StringBuilder b = new StringBuilder();
            int width = help.commandSpec().usageMessage().width();
            for (String line : help.commandSpec().usageMessage().footer()) {
                if (line.startsWith("  ")) {
                    b.append(help.colorScheme().text(line)).append(System.lineSeparator());
                } else {
                    b.append(wrap(line, width - 1));
                }
            }
            return b.toString();
        });
        cl.setHelpSectionMap(sections);
        cl.getSubcommands().values().forEach(BellowsCli::verbatimExamples);
    }

    /** {@code text} broken at spaces into lines of at most {@code width} characters. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.append(line).append(System.lineSeparator());
                line.setLength(0);
            } else if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).append(System.lineSeparator()).toString();
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** Bare {@code bellows}: a command is missing, so the usage goes to standard error and the exit is 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        return 2;
    }

    /** How text output is marked: colours only on a terminal, never with NO_COLOR or --no-color. */
    Palette palette() {
        return colour(terminal, environment, noColor) ? Palette.ANSI : Palette.PLAIN;
    }

    /** The palette of the command line {@code command} belongs to (plain when run outside {@code bellows}). */
    static Palette palette(Object parent) {
        return parent instanceof BellowsCli cli ? cli.palette() : Palette.PLAIN;
    }

    static boolean colour(boolean terminal, Map<String, String> environment, boolean noColor) {
        String noColorEnv = environment.get("NO_COLOR");
        return terminal && !noColor && (noColorEnv == null || noColorEnv.isEmpty());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo b = BuildInfo.load();
            return new String[]{"bellows " + b.version(),
                    "commit " + b.commit() + ", built " + b.date(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") on "
                            + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
        }
    }
}
