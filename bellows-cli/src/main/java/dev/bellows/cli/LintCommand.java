package dev.bellows.cli;

import dev.bellows.BellowsConfig;
import dev.bellows.BellowsException;
import dev.bellows.ConfigurationException;
import dev.bellows.config.Settings;
import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.LintReport;
import dev.bellows.lint.Linter;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.Rules;
import dev.bellows.lint.ServerVersion;
import dev.bellows.lint.TableStats;
import dev.bellows.load.Paths;
import dev.bellows.model.Finding;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.report.Report;
import dev.bellows.report.Reporters;
import dev.bellows.report.UsedWaiver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code bellows lint [PATH…]}: static, phase-aware safety checks of migration files. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Checks migration files for changes that break a rolling upgrade or block traffic, by phase, "
                + "release history and dialect. With no PATH: the whole configured location. A directory is read "
                + "as a release/phase layout; a file inside a layout is checked against its layout's history; any "
                + "other file is a loose file in --phase.",
                "Exit codes: 0 clean or warnings only, 1 errors, 2 usage or configuration."},
        footer = {"", "Example:", "  bellows lint db/migrations --format sarif > lint.sarif",
                "", "More:", "  bellows lint --phase contract --dialect mysql cleanup.sql",
                "  bellows lint --flyway src/main/resources/db/migration", "  bellows lint db/migrations/1.3",
                "  bellows lint --layout flat db/migrations   (golang-migrate, dbmate, numbered .sql)",
                "  bellows lint --list-rules",
                "  bellows lint --placeholder schema=app   ($${schema} in the files, as upgrade replaces it)",
                "  bellows lint --url jdbc:postgresql://db.internal/shop --user reader   (table sizes from the catalog)",
                "  bellows lint --export-stats prod-stats.tsv --url jdbc:postgresql://db.internal/shop --user reader",
                "  bellows lint --stats prod-stats.tsv --stats-min-rows 50000"})
public final class LintCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Layout directories or .sql files (default: the configured location).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--location", paramLabel = "DIR",
            description = "Directory with the release directories (default: db/migrations, env BELLOWS_LOCATION).")
    Path location;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: ./bellows.yaml when present).")
    Path config;

    @Option(names = "--phase", paramLabel = "PHASE", description = "Phase of loose files: expand (default), migrate or contract.")
    String phase = "expand";

    @Option(names = "--dialect", paramLabel = "DIALECT", description = "postgresql (default) or mysql (also MariaDB).")
    String dialect;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json, sarif, or github (GitHub Actions annotations on the pull request's "
                    + "lines).")
    String format = "text";

    @Option(names = "--flyway", paramLabel = "DIR",
            description = "Lint a Flyway folder (V<version>__<desc>.sql) as one history; each file is expand unless "
                    + "its header says -- bellows:phase contract.")
    Path flyway;

    @Option(names = "--since", paramLabel = "RELEASE", description = "Judge only the releases after RELEASE; the "
            + "releases up to it only build the schema the later ones are checked against (with a legacy Flyway "
            + "history in bellows.yaml, its files are replayed first and only releases after legacy.release are judged).")
    String since;

    @Option(names = "--placeholder", paramLabel = "NAME=VALUE",
            description = "Value of $${NAME} in the migrations (and a legacy Flyway history), so files are linted as "
                    + "upgrade will run them; repeatable (env BELLOWS_PLACEHOLDERS_NAME; bellows.yaml placeholders:). "
                    + "An undefined one is an error naming file and line.")
    List<String> placeholders = new ArrayList<>();

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "bellows (default: RELEASE/PHASE/NNN_name.sql) or flat: one folder of numbered files "
                    + "(golang-migrate NNNN_name.up.sql, dbmate -- migrate:up, plain NNN_name.sql), each file its own "
                    + "release in number order, expand unless its header says -- bellows:phase contract; .down.sql "
                    + "files and migrate:down sections are not read.")
    String layout;

    @Option(names = "--list-rules", description = "List the rules and exit.")
    boolean listRules;

    @Option(names = "--pg-version", paramLabel = "VERSION",
            description = "Oldest PostgreSQL version to be safe on (default 12), e.g. 11 or 16.")
    String pgVersion;

    @Option(names = "--mysql-version", paramLabel = "VERSION",
            description = "Oldest MySQL (8.x) or MariaDB (10.x, 11.x) version (default 8.0).")
    String mysqlVersion;

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "Read table sizes and row estimates from this database's catalog (read-only; nothing is "
                    + "counted or locked): lock and rewrite findings then say their table's size and become warnings "
                    + "on small tables. User and password as for other commands (--user, BELLOWS_USER, …).")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "Database user for --url (env BELLOWS_USER).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "Database password for --url (env BELLOWS_PASSWORD); never printed. Without a value, it is "
                    + "asked for.")
    String password;

    @Option(names = "--stats", paramLabel = "FILE",
            description = "Table sizes from a file exported from production (bellows lint --export-stats, or the SQL "
                    + "in the README): tab- or comma-separated schema, table, rows, bytes.")
    Path stats;

    @Option(names = "--export-stats", paramLabel = "FILE",
            description = "Write the table sizes of --url's database to FILE (for --stats elsewhere) and exit.")
    Path exportStats;

    @Option(names = "--stats-min-rows", paramLabel = "ROWS",
            description = "With table sizes: a table below this many rows (and --stats-min-mb) is small, its lock "
                    + "findings are warnings (default 10000).")
    Long statsMinRows;

    @Option(names = "--stats-min-mb", paramLabel = "MB",
            description = "With table sizes: a table below this many MB (and --stats-min-rows) is small (default 10).")
    Long statsMinMb;

    @Option(names = "--stats-mb-per-s", paramLabel = "MB",
            description = "With table sizes: how many MB a rewrite gets through per second on your server, for the "
                    + "estimated lock time (default 14, the rewrite rate bellows-bench LockRate measured).")
    Long statsRate;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Object parent;

    @picocli.CommandLine.Mixin
    QueriesOption queries = new QueriesOption();

    @Override
    public Integer call() {
        return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Lints as set up by picocli or by {@link QuickLint}; returns the exit code. */
    int execute(PrintWriter out, PrintWriter err) {
        try {
            if (listRules) {
                listRules(out);
                return 0;
            }
            Settings settings = settings();
            LintOptions options = options(settings);
            if (exportStats != null) {
                TableStats t = tableStats(settings, options.dialect())
                        .orElseThrow(() -> new ConfigurationException("--export-stats needs --url: the database to read "
                                + "the table sizes from, e.g. bellows lint --export-stats stats.tsv --url "
                                + "jdbc:postgresql://host/db --user reader"));
                t.write(exportStats);
                out.println("wrote the sizes of " + t.size() + " table(s) to " + exportStats);
                out.flush();
                return 0;
            }
            Optional<TableStats> t = tableStats(settings, options.dialect());
            if (t.isPresent()) {
                options = options.withStats(t.get());
            }
            LintReport report = lint(settings, options);
            write(report.toReport(), out);
            return report.exitCode();
        } catch (BellowsException e) {
            err.println("bellows lint: " + e.getMessage());
            err.flush();
            return e.exitCode();
        }
    }

    private LintReport lint(Settings settings, LintOptions options) {
        if (flyway != null) {
            if (!paths.isEmpty()) {
                throw new ConfigurationException("give either --flyway DIR or PATHs, not both");
            }
            return Linter.lintFlyway(flyway, options);
        }
        boolean flat = Layouts.flat(layout);
        if (paths.isEmpty()) {
            Path dir = settings.get("location").map(Path::of).orElse(BellowsConfig.DEFAULT_LOCATION);
            return Linter.lint(legacyFiles(settings, options), Layouts.load(dir, flat, options.dialect().syntax(),
                    settings.placeholders(placeholders)).migrations(), judgedAfter(settings), options.withQueries(queries.load(dir, options.dialect().syntax())));
        }
        if (flat) {
            List<Finding> findings = new ArrayList<>();
            List<UsedWaiver> waivers = new ArrayList<>();
            int statements = 0;
            for (Path p : paths) {
                if (!Files.isDirectory(p)) {
                    throw new ConfigurationException(p + ": --layout flat reads folders of numbered .sql files; "
                            + "pass the folder (or leave out --layout to lint single files)");
                }
                LintReport r = Linter.lint(List.of(), Layouts.load(p, true, options.dialect().syntax()).migrations(),
                        Optional.ofNullable(since).map(Release::of), options);
                findings.addAll(r.findings());
                waivers.addAll(r.waivers());
                statements += r.statements();
            }
            return new LintReport(findings, waivers, statements);
        }
        Phase loosePhase = Phase.fromId(phase.toLowerCase(Locale.ROOT)).orElseThrow(() -> new ConfigurationException(
                "unknown phase '" + phase + "': use --phase expand, migrate or contract"));
        List<Path> loose = new ArrayList<>();
        Map<Path, Set<Path>> layouts = new LinkedHashMap<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new ConfigurationException(p + ": no such file or directory");
            }
            Optional<Path> inLayout = Files.isDirectory(p) ? layoutOfDirectory(p) : Optional.empty();
            if (inLayout.isPresent()) {
                // a release (or phase) directory: its files, judged with the earlier releases as history
                layouts.computeIfAbsent(inLayout.get(), k -> new java.util.HashSet<>())
                        .add(p.toAbsolutePath().normalize());
            } else if (Files.isDirectory(p)) {
                layouts.put(p.toAbsolutePath().normalize(), null);
            } else {
                Optional<Path> layout = layoutOf(p);
                if (layout.isPresent()) {
                    layouts.computeIfAbsent(layout.get(), k -> new java.util.HashSet<>())
                            .add(p.toAbsolutePath().normalize());
                } else {
                    loose.add(p);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        List<UsedWaiver> waivers = new ArrayList<>();
        int statements = 0;
        for (Map.Entry<Path, Set<Path>> e : layouts.entrySet()) {
            LintReport r = Linter.lint(legacyFiles(settings, options), Layouts.load(e.getKey(), false,
                    options.dialect().syntax(), settings.placeholders(placeholders)).migrations(), judgedAfter(settings),
                    options.withQueries(queries.load(e.getKey(), options.dialect().syntax())));
            Set<String> only = e.getValue() == null ? null
                    : e.getValue().stream().map(Paths::display).collect(Collectors.toSet());
            java.util.function.Predicate<String> wanted = file -> only == null || only.contains(file)
                    || only.stream().anyMatch(dir -> file.startsWith(dir + java.io.File.separator));
            r.findings().stream().filter(f -> wanted.test(f.file())).forEach(findings::add);
            r.waivers().stream().filter(w -> wanted.test(w.file())).forEach(waivers::add);
            statements += r.statements();
        }
        if (!loose.isEmpty()) {
            LintReport r = Linter.lintFiles(loose, loosePhase, options);
            findings.addAll(r.findings());
            waivers.addAll(r.waivers());
            statements += r.statements();
        }
        return new LintReport(findings, waivers, statements);
    }

    /** The newer of --since and legacy.release: the releases up to it are replayed, not judged. */
    private Optional<Release> judgedAfter(Settings settings) {
        return dev.bellows.legacy.LegacyConfig.judgedAfter(Optional.ofNullable(since).map(Release::of),
                settings.legacy(settings.placeholders(placeholders)));
    }

    /** A legacy Flyway history's files, replayed into the schema model first (a Liquibase changelog is not SQL). */
    private List<dev.bellows.model.Migration> legacyFiles(Settings settings, LintOptions options) {
        Map<String, String> values = settings.placeholders(placeholders);
        return settings.legacy(values).filter(l -> l.engine().equals(dev.bellows.legacy.LegacyConfig.FLYWAY))
                .map(l -> Linter.flywayHistory(Path.of(l.location()), l.release(), values, options))
                .orElse(List.of());
    }

    /** {@code LOCATION/RELEASE/PHASE/file.sql}: the LOCATION, when the file sits in a layout. */
    static Optional<Path> layoutOf(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path phaseDir = abs.getParent();
        Path releaseDir = phaseDir == null ? null : phaseDir.getParent();
        if (releaseDir == null || releaseDir.getParent() == null) {
            return Optional.empty();
        }
        boolean inLayout = Phase.fromId(phaseDir.getFileName().toString()).isPresent()
                && Release.parse(releaseDir.getFileName().toString()).isPresent();
        return inLayout ? Optional.of(releaseDir.getParent()) : Optional.empty();
    }

    /**
     * {@code LOCATION/RELEASE} or {@code LOCATION/RELEASE/PHASE}: the LOCATION, when the directory is a
     * release or phase directory of a layout ({@code bellows lint db/migrations/1.3}).
     */
    static Optional<Path> layoutOfDirectory(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (abs.getFileName() == null || abs.getParent() == null) {
            return Optional.empty();
        }
        if (Phase.fromId(abs.getFileName().toString()).isPresent()
                && Release.parse(abs.getParent().getFileName().toString()).isPresent()) {
            return Optional.ofNullable(abs.getParent().getParent());
        }
        if (Release.parse(abs.getFileName().toString()).isEmpty()) {
            return Optional.empty();
        }
        try (java.util.stream.Stream<Path> s = Files.list(abs)) {
            boolean hasPhase = s.anyMatch(c -> Files.isDirectory(c)
                    && Phase.fromId(c.getFileName().toString()).isPresent());
            return hasPhase ? Optional.of(abs.getParent()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Settings settings() {
        Map<String, String> flags = new HashMap<>();
        flags.put("location", location == null ? null : location.toString());
        flags.put("dialect", dialect);
        flags.put("user", user);
        flags.put("password", password);
        // the environment comes from BellowsCli (tests pass their own); run standalone, from the process
        Map<String, String> env = parent instanceof BellowsCli cli ? cli.environment : System.getenv();
        return Settings.resolve(flags, env, Optional.ofNullable(config));
    }

    /** Table sizes from --stats FILE or --url's catalog, with the configured threshold; empty without either. */
    private Optional<TableStats> tableStats(Settings settings, LintDialect d) {
        if (stats != null && url != null) {
            throw new ConfigurationException("give either --stats FILE or --url, not both");
        }
        TableStats t;
        if (stats != null) {
            if (!Files.isRegularFile(stats)) {
                throw new ConfigurationException(stats + ": no such stats file; export one with bellows lint "
                        + "--export-stats " + stats + " --url JDBC_URL");
            }
            try {
                t = TableStats.read(stats);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage());
            }
        } else if (url != null) {
            String u = settings.get("user").orElse(null);
            String pw = settings.get("password").orElse(null);
            t = TableStats.read(url, u, pw, d);
        } else {
            if (statsMinRows != null || statsMinMb != null || statsRate != null) {
                throw new ConfigurationException("--stats-min-rows, --stats-min-mb and --stats-mb-per-s need table "
                        + "sizes: add --url JDBC_URL or --stats FILE");
            }
            return Optional.empty();
        }
        long rows = statsMinRows == null ? TableStats.DEFAULT_MIN_ROWS : statsMinRows;
        long bytes = statsMinMb == null ? TableStats.DEFAULT_MIN_BYTES : statsMinMb * 1024 * 1024;
        if (rows < 0 || bytes < 0 || statsRate != null && statsRate <= 0) {
            throw new ConfigurationException("--stats-min-rows and --stats-min-mb must be 0 or more, --stats-mb-per-s "
                    + "more than 0");
        }
        t = t.withThreshold(rows, bytes);
        return Optional.of(statsRate == null ? t : t.withRate(statsRate * 1024 * 1024));
    }

    private LintOptions options(Settings settings) {
        LintDialect d = LintDialect.named(settings.get("dialect").orElse("postgresql"));
        LintOptions o = LintOptions.of(d);
        if (pgVersion != null) {
            o = o.withPgVersion(ServerVersion.parse(pgVersion));
        }
        if (mysqlVersion != null) {
            o = o.withMysqlVersion(ServerVersion.parse(mysqlVersion));
        }
        return o;
    }

    private void write(Report report, PrintWriter out) {
        try {
            Reporters.named(format, BellowsCli.palette(parent)).write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void listRules(PrintWriter out) {
        for (var rule : Rules.all()) {
            RuleInfo i = rule.info();
            String dialects = i.dialects().size() == 2 ? "postgresql,mysql" : i.dialects().iterator().next().id();
            out.printf(Locale.ROOT, "%-34s %-8s %-17s %s%n", i.id(), i.severity().id(), dialects, i.title());
        }
        out.println();
        out.println("Details: bellows explain RULE");
        out.flush();
    }
}
