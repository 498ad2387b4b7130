package dev.bellows.lint;

import dev.bellows.load.MigrationLoader;
import dev.bellows.model.Migration;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.sql.SqlSplitter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Migrations made from SQL text rather than files: for tests, benchmarks and tools that lint generated SQL. */
public final class InlineMigration {

    private InlineMigration() {
    }

    /**
     * A migration named {@code name} holding {@code sql}; throws {@link dev.bellows.sql.SqlSyntaxException}
     * when the text cannot be split.
     */
    public static Migration of(LintDialect dialect, Release release, Phase phase, int number, String name, String sql) {
        return new Migration(release, phase, number, name, Path.of(name), name, sql,
                MigrationLoader.sha256(sql.getBytes(StandardCharsets.UTF_8)), SqlSplitter.split(sql, dialect.syntax()));
    }
}
