package dev.bellows.lint;

import dev.bellows.load.MigrationLoader;
import dev.bellows.lint.rules.UnrecognizedStatement;
import dev.bellows.model.Finding;
import dev.bellows.model.Migration;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.sql.SqlSyntaxException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The public lint API, used by the CLI, the Maven plugin, the JUnit extension and the verifier.
 * Every entry point replays the migrations in order into a schema model and checks each
 * statement against every rule of the dialect.
 */
public final class Linter {

    /** The release loose files are linted as: everything they create is new, everything else pre-exists. */
    public static final Release LOOSE = Release.of("0");

    private Linter() {
    }

    /** Lints a whole release/phase layout as one history. */
    public static LintReport lint(MigrationSet migrations, LintOptions options) {
        return lint(migrations.migrations(), options);
    }

    /** Lints migrations in the given order (every release, every phase). */
    public static LintReport lint(List<Migration> migrations, LintOptions options) {
        LintRun run = new LintRun(options);
        migrations.forEach(run::lint);
        return run.report();
    }

    /**
     * Lints {@code migrations}, judging only the releases after {@code since} ({@code --since}): the releases up to
     * it, and before them {@code legacy} (a legacy history's files), only build the schema model the later ones
     * are judged against.
     */
    public static LintReport lint(List<Migration> legacy, List<Migration> migrations, Optional<Release> since,
                                  LintOptions options) {
        LintRun run = new LintRun(options);
        legacy.forEach(run::replay);
        for (Migration m : migrations) {
            if (since.isPresent() && m.release().compareTo(since.get()) <= 0) {
                run.replay(m);
            } else {
                run.lint(m);
            }
        }
        return run.report();
    }

    /**
     * The files of a legacy Flyway folder in Flyway's order (versioned, then repeatable), all as the expand phase of
     * {@code release} (the release the legacy history amounts to), with {@code placeholders} replaced where they
     * have values: to be replayed into the schema model before Bellows' releases.
     */
    public static List<Migration> flywayHistory(Path directory, Release release, java.util.Map<String, String> placeholders,
                                                LintOptions options) {
        dev.bellows.sql.SqlSyntax syntax = options.dialect().syntax();
        MigrationSet versioned = FlywayLoader.load(directory, syntax);
        List<Migration> all = new ArrayList<>(versioned.migrations());
        versioned.newest().ifPresent(newest -> all.addAll(FlywayLoader.repeatables(directory, newest, syntax)));
        List<Migration> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Migration m = all.get(i);
            Migration asLegacy = new Migration(release, Phase.EXPAND, i + 1, m.fileName(), m.path(), m.displayPath(),
                    m.content(), m.checksum(), m.script());
            try {
                asLegacy = dev.bellows.load.Placeholders.resolve(new MigrationSet(directory, List.of(asLegacy)),
                        placeholders, syntax).migrations().get(0);
            } catch (dev.bellows.load.MigrationLoadException e) {
                // A placeholder only Flyway knows (${flyway:user}): replayed as written.
            }
            out.add(asLegacy);
        }
        return out;
    }

    /** Lints loose files, in the order given, all in {@code phase}; objects they create count as new. */
    public static LintReport lintFiles(List<Path> files, Phase phase, LintOptions options) {
        List<Migration> migrations = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            migrations.add(MigrationLoader.read(LOOSE, phase, i + 1, files.get(i), options.dialect().syntax()));
        }
        return lint(migrations, options);
    }

    /**
     * Lints a Flyway folder as one ordered history: the {@code V<version>__<desc>.sql} files, then
     * the repeatable {@code R__} files as expand of the newest release. Undo ({@code U}) files and
     * other {@code .sql} files Flyway would not run are reported ({@code unrecognized-statement}),
     * not skipped silently.
     */
    public static LintReport lintFlyway(Path directory, LintOptions options) {
        MigrationSet versioned = FlywayLoader.load(directory, options.dialect().syntax());
        List<Migration> all = new ArrayList<>(versioned.migrations());
        all.addAll(FlywayLoader.repeatables(directory, versioned.newest().orElseThrow(), options.dialect().syntax()));
        LintReport report = lint(all, options);
        List<Finding> findings = new ArrayList<>(report.findings());
        for (FlywayLoader.NotLinted n : FlywayLoader.notLinted(directory)) {
            String name = n.file().getFileName().toString();
            String shown = n.file().toString();
            findings.add(n.undo()
                    ? new Finding(UnrecognizedStatement.INFO.id(), UnrecognizedStatement.INFO.severity(), shown, 1, 1,
                    name + " is a Flyway undo migration: it is not linted (it runs only on flyway undo, which is no "
                            + "step of a rolling upgrade)", List.of(
                            "1. Do not run flyway undo while instances of two releases are running.",
                            "2. If you do use it, check " + name + " by hand like a contract migration: it drops "
                                    + "what the newer release still uses."), null)
                    : new Finding(UnrecognizedStatement.INFO.id(), UnrecognizedStatement.INFO.severity(), shown, 1, 1,
                    name + " is not named like a Flyway migration (V<version>__<description>.sql or "
                            + "R__<description>.sql): Flyway does not run it and it is not linted", List.of(
                            "1. If it is a migration, rename it, e.g. V<version>__<description>.sql (two "
                                    + "underscores).",
                            "2. Otherwise move it out of " + folder(directory) + "."), null));
        }
        return new LintReport(findings, report.waivers(), report.statements());
    }

    /** A folder as a sentence names it: {@code .} is "the current folder", not "move it out of .". */
    static String folder(Path directory) {
        String shown = directory.normalize().toString();
        return shown.isEmpty() || shown.equals(".") ? "the current folder" : shown;
    }

    /**
     * Lints SQL text as one loose file named {@code name}. A text the splitter cannot split (an
     * unterminated string or comment) yields one {@code unrecognized-statement} finding.
     */
    public static LintReport lintSql(String sql, String name, Phase phase, LintOptions options) {
        Migration m;
        try {
            m = InlineMigration.of(options.dialect(), LOOSE, phase, 1, name, sql);
        } catch (SqlSyntaxException e) {
            return LintRun.unsplittable(name, e);
        }
        return lint(List.of(m), options);
    }
}
