package dev.bellows.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code bellows lint}'s plain command lines read without picocli: building picocli's model of the command (its
 * options read by reflection, its type converters, its help sections) was about half of the start-up of a lint
 * of one file (bellows-bench/README.md, "CLI start-up"). Plain means: {@code lint} first, then file and folder
 * names and the options below, each at most once, with its value as the next argument or after {@code =}.
 * Anything else ({@code --help}, {@code --url}, an unknown or repeated option, a missing value, a value or name that
 * starts with {@code -} or {@code @}, {@code --}, an invalid path) is left to picocli, which gives the same result
 * for what is read here ({@code QuickLintTest} runs both on a set of command lines) and the errors for the rest.
 */
final class QuickLint {

    /** The options read here: {@code --name VALUE} or {@code --name=VALUE}, plus the flag {@code --no-color}. */
    private static final Set<String> VALUED = Set.of("--location", "--config", "--phase", "--dialect", "--format",
            "--flyway", "--since", "--layout", "--pg-version", "--mysql-version", "--queries");

    private QuickLint() {
    }

    /** The lint command as picocli would have set it up for {@code args}, or empty to leave them to picocli. */
    static Optional<LintCommand> parse(String[] args, Map<String, String> environment, boolean terminal) {
        if (args.length == 0 || !args[0].equals("lint")) {
            return Optional.empty();
        }
        LintCommand lint = new LintCommand();
        BellowsCli cli = new BellowsCli(environment, terminal);
        Set<String> seen = new HashSet<>();
        try {
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.isEmpty() || arg.startsWith("@")) {
                    return Optional.empty();
                }
                if (!arg.startsWith("-")) {
                    lint.paths.add(Path.of(arg));
                    continue;
                }
                if (arg.equals("--no-color")) {
                    if (!seen.add(arg)) {
                        return Optional.empty();
                    }
                    cli.noColor = true;
                    continue;
                }
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                if (!VALUED.contains(name) || !seen.add(name)) {
                    return Optional.empty();
                }
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    return Optional.empty();
                }
                if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
                    return Optional.empty();
                }
                set(lint, name, value);
            }
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        lint.parent = cli;
        return Optional.of(lint);
    }

    private static void set(LintCommand lint, String name, String value) {
        switch (name) {
            case "--location" -> lint.location = Path.of(value);
            case "--config" -> lint.config = Path.of(value);
            case "--phase" -> lint.phase = value;
            case "--dialect" -> lint.dialect = value;
            case "--format" -> lint.format = value;
            case "--flyway" -> lint.flyway = Path.of(value);
            case "--since" -> lint.since = value;
            case "--layout" -> lint.layout = value;
            case "--pg-version" -> lint.pgVersion = value;
            case "--mysql-version" -> lint.mysqlVersion = value;
            case "--queries" -> lint.queries.queries = Path.of(value);
            default -> throw new IllegalArgumentException(name);
        }
    }
}
