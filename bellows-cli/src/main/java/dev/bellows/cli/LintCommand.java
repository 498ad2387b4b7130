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
import dev.bellows.load.MigrationLoader;
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
                "  bellows lint --list-rules"})
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

    @Spec
    CommandSpec spec;

    @ParentCommand
    Object parent;

    @picocli.CommandLine.Mixin
    QueriesOption queries = new QueriesOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (listRules) {
                listRules(out);
                return 0;
            }
            Settings settings = settings();
            LintOptions options = options(settings);
            LintReport report = lint(settings, options);
            write(report.toReport(), out);
            return report.exitCode();
        } catch (BellowsException e) {
            PrintWriter err = spec.commandLine().getErr();
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
            return Linter.lint(legacyFiles(settings, options), Layouts.load(dir, flat, options.dialect().syntax())
                    .migrations(), judgedAfter(settings), options.withQueries(queries.load(dir, options.dialect().syntax())));
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
            LintReport r = Linter.lint(legacyFiles(settings, options), MigrationLoader.load(e.getKey(),
                    options.dialect().syntax()).migrations(), judgedAfter(settings),
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
        Optional<Release> cut = Optional.ofNullable(since).map(Release::of);
        Optional<Release> legacy = settings.legacy(settings.placeholders(List.of())).map(l -> l.release());
        if (legacy.isPresent() && (cut.isEmpty() || legacy.get().compareTo(cut.get()) > 0)) {
            return legacy;
        }
        return cut;
    }

    /** A legacy Flyway history's files, replayed into the schema model first (a Liquibase changelog is not SQL). */
    private List<dev.bellows.model.Migration> legacyFiles(Settings settings, LintOptions options) {
        Map<String, String> values = settings.placeholders(List.of());
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
        // the environment comes from BellowsCli (tests pass their own); run standalone, from the process
        Map<String, String> env = parent instanceof BellowsCli cli ? cli.environment : System.getenv();
        return Settings.resolve(flags, env, Optional.ofNullable(config));
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
