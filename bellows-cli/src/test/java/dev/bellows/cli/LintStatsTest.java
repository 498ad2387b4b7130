package dev.bellows.cli;

import dev.bellows.cli.LintCliRunner.Run;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database-aware lint: table sizes read from a real PostgreSQL catalog (or a file exported from
 * it) turn a lock finding on a small table into a warning and give a big table's size and lock time.
 */
class LintStatsTest {

    @TempDir
    Path dir;

    private Path migrations() throws IOException {
        Path f = dir.resolve("db/1.1/expand/001_indexes.sql");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "CREATE INDEX tags_name ON tags (name);\nCREATE INDEX orders_total ON orders (total);\n");
        return dir.resolve("db");
    }

    private static TestDatabase shop() throws SQLException {
        TestDatabase db = Databases.postgres();
        db.execute("CREATE TABLE tags (id int PRIMARY KEY, name text)",
                "INSERT INTO tags SELECT g, 'tag' || g FROM generate_series(1, 50) g",
                "CREATE TABLE orders (id int PRIMARY KEY, total numeric(12,2), note text)",
                "INSERT INTO orders SELECT g, g, repeat('x', 200) FROM generate_series(1, 60000) g",
                "ANALYZE");
        return db;
    }

    @Test
    void sizesFromTheCatalogMakeSmallTablesWarningsAndGiveBigOnesALockTime() throws Exception {
        TestDatabase db = shop();
        Path layout = migrations();
        Map<String, String> env = Map.of("BELLOWS_PASSWORD", db.password());
        Run plain = LintCliRunner.run("lint", layout.toString());
        assertThat(plain.out()).contains("2 error(s)");

        Run r = LintCliRunner.run(env, "lint", "--url", db.url(), "--user", db.user(), layout.toString());
        assertThat(r.out()).containsPattern("warning\\[pg-create-index-not-concurrently\\] CREATE INDEX tags_name .*"
                + "tags has about 50 rows, .* below the threshold of 10,000 rows / 10 MB");
        assertThat(r.out()).containsPattern("error\\[pg-create-index-not-concurrently\\] CREATE INDEX orders_total .*"
                + "orders has about 60,000 rows, \\d+ MB .*estimated lock time");
        assertThat(r.out()).contains("1 error(s), 1 warning(s)");
        if (!db.password().isEmpty()) {
            assertThat(r.out() + r.err()).doesNotContain(db.password());
        }
        assertThat(r.exit()).isEqualTo(1);

        Run lower = LintCliRunner.run(env, "lint", "--url", db.url(), "--user", db.user(), "--stats-min-rows", "100000",
                "--stats-min-mb", "100", layout.toString());
        assertThat(lower.out()).contains("0 error(s), 2 warning(s)");
        assertThat(lower.exit()).isZero();
    }

    @Test
    void exportedStatsFileGivesTheSameVerdictsWithoutAConnection() throws Exception {
        TestDatabase db = shop();
        Path layout = migrations();
        Path stats = dir.resolve("prod-stats.tsv");
        Run export = LintCliRunner.run(Map.of("BELLOWS_PASSWORD", db.password()), "lint", "--export-stats",
                stats.toString(), "--url", db.url(), "--user", db.user());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(Files.readString(stats)).startsWith("schema\ttable\trows\tbytes\n").contains("public\torders\t60000\t");
        Run r = LintCliRunner.run("lint", "--stats", stats.toString(), layout.toString());
        assertThat(r.out()).contains("1 error(s), 1 warning(s)").contains("estimated lock time");
    }

    @Test
    void badStatsInputIsAClearUsageError() throws IOException {
        Path layout = migrations();
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "public\torders\tmany\t10\n");
        Run r = LintCliRunner.run("lint", "--stats", bad.toString(), layout.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad.tsv:1: rows and bytes must be whole numbers");
        Run missing = LintCliRunner.run("lint", "--stats", dir.resolve("none.tsv").toString(), layout.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("none.tsv: no such stats file; export one with bellows lint --export-stats");
        Run noUrl = LintCliRunner.run("lint", "--export-stats", dir.resolve("x.tsv").toString());
        assertThat(noUrl.exit()).isEqualTo(2);
        assertThat(noUrl.err()).contains("--export-stats needs --url");
    }
}
