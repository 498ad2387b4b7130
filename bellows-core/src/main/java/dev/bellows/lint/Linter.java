package dev.bellows.lint;

import dev.bellows.load.MigrationLoader;
import dev.bellows.model.Migration;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.sql.SqlSyntaxException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /** Lints loose files, in the order given, all in {@code phase}; objects they create count as new. */
    public static LintReport lintFiles(List<Path> files, Phase phase, LintOptions options) {
        List<Migration> migrations = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            migrations.add(MigrationLoader.read(LOOSE, phase, i + 1, files.get(i), options.dialect().syntax()));
        }
        return lint(migrations, options);
    }

    /** Lints a Flyway folder ({@code V<version>__<desc>.sql}) as one ordered history. */
    public static LintReport lintFlyway(Path directory, LintOptions options) {
        return lint(FlywayLoader.load(directory, options.dialect().syntax()), options);
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
