package dev.bellows.cli;

import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static dev.bellows.cli.CliTest.args;
import static dev.bellows.cli.CliTest.bellows;
import static dev.bellows.cli.CliTest.connection;
import static org.assertj.core.api.Assertions.assertThat;

/** The query manifests from the command line: the contract gate, lint, and import from production statistics. */
class QueriesCliTest {

    @TempDir
    Path dir;

    @Test
    void contractIsRefusedWhileTheReleasesOwnQueriesUseWhatItDrops() throws Exception {
        Path migrations = dir.resolve("db/migrations");
        write(migrations.resolve("1.0/expand/001_items.sql"), "CREATE TABLE items (id bigint PRIMARY KEY, name text, legacy text);\n");
        write(migrations.resolve("1.1/expand/001_label.sql"), "ALTER TABLE items ADD COLUMN label text;\n");
        write(migrations.resolve("1.1/contract/001_drop_legacy.sql"), "ALTER TABLE items DROP COLUMN legacy;\n");
        write(dir.resolve("db/queries/1.1.sql"), """
                -- sent 3 | params BIGINT
                SELECT id, label FROM items WHERE id = ?;

                -- sent 1 | params VARCHAR, BIGINT
                UPDATE items SET legacy = ? WHERE id = ?;
                """);
        TestDatabase db = Databases.postgres();
        List<String> conn = connection(db, migrations);
        assertThat(bellows(args(conn, "upgrade")).exit()).isZero();

        CliTest.Run lint = bellows("lint", "--location", migrations.toString());
        assertThat(lint.exit()).as(lint.out() + lint.err()).isEqualTo(1);
        assertThat(lint.out()).contains("contract-drop-queried-object", "001_drop_legacy.sql:1",
                "still sends `UPDATE items SET legacy = ? WHERE id = ?`", "queries/1.1.sql:5");

        // status and check judge "contract safe" with the same gate; upgrade --all-phases stops at it.
        CliTest.Run status = bellows(args(conn, "status"));
        assertThat(status.out()).as(status.out() + status.err()).contains("contract safe: no", "queries/1.1.sql:5");
        CliTest.Run check = bellows(args(conn, "check"));
        assertThat(check.out() + check.err()).contains("queries/1.1.sql:5");
        CliTest.Run all = bellows(args(conn, "upgrade", "--all-phases"));
        assertThat(all.exit()).as(all.out() + all.err()).isEqualTo(1);
        assertThat(all.err()).contains("upgrade --all-phases refused", "queries/1.1.sql:5");

        CliTest.Run refused = bellows(args(conn, "contract"));
        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(1);
        assertThat(refused.err()).contains("contract refused", "queries/1.1.sql:5", "release 1.1 sends",
                "uses column items.legacy", "001_drop_legacy.sql:1");
        assertThat(db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'items' "
                + "AND column_name = 'legacy'")).as("nothing dropped").isEqualTo(1);

        CliTest.Run forced = bellows(args(conn, "contract", "--force", "--confirm"));
        assertThat(forced.exit()).as(forced.out() + forced.err()).isZero();
        assertThat(db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'items' "
                + "AND column_name = 'legacy'")).isZero();
    }

    @Test
    void importsFromPgStatStatementsAndVerifyProvesTheImport() throws Exception {
        Path migrations = dir.resolve("db/migrations");
        write(migrations.resolve("1.0/expand/001_titles.sql"),
                "CREATE TABLE titles (id bigint PRIMARY KEY, title text, stock integer);\n");
        write(migrations.resolve("1.1/expand/001_stock.sql"), "ALTER TABLE titles RENAME COLUMN stock TO stock_count;\n");
        TestDatabase db = Databases.postgres();
        db.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements",
                "CREATE TABLE titles (id bigint PRIMARY KEY, title text, stock integer)",
                "CREATE TABLE bellows_schema_history (id int)");
        try (Connection c = db.connect()) {
            for (int i = 1; i <= 3; i++) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO titles (id, title, stock) VALUES (?, ?, ?)")) {
                    ps.setLong(1, i);
                    ps.setString(2, "t" + i);
                    ps.setInt(3, i);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT title FROM titles WHERE stock > 0 AND id = ?")) {
                    ps.setLong(1, i);
                    ps.executeQuery().close();
                }
            }
            c.createStatement().execute("SELECT count(*) FROM bellows_schema_history");
            c.createStatement().execute("SELECT count(*) FROM pg_class");
        }
        Path queries = dir.resolve("db/queries");
        CliTest.Run run = bellows("queries", "import", "--release", "1.0", "--url", db.url(), "--user", db.user(),
                "--location", migrations.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        String manifest = Files.readString(queries.resolve("1.0.sql"));
        assertThat(manifest).contains("-- sent 3\nINSERT INTO titles (id, title, stock) VALUES ($1, $2, $3);",
                "-- sent 3\nSELECT title FROM titles WHERE stock > $2 AND id = $1;");
        assertThat(manifest).doesNotContain("bellows_schema_history", "pg_class", "CREATE");
        assertThat(run.out()).contains("wrote", "2 statements imported");

        TestDatabase shadow = Databases.postgres();
        CliTest.Run verify = bellows("verify", "--location", migrations.toString(), "--shadow-url", shadow.url(),
                "--shadow-user", shadow.user());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isEqualTo(1);
        assertThat(verify.out()).contains("verify-query-fails", "SELECT title FROM titles WHERE stock > $2 AND id = $1",
                "after expand 1.1", "column \"stock\" does not exist", "001_stock.sql:1");
    }

    @Test
    void verifyProvesTheBookshopsCapturedManifestsAndCatchesWhatLintPasses() {
        TestDatabase shadow = Databases.postgres();
        CliTest.Run bookshop = bellows("verify", "--location", "../examples/bookshop/db/migrations",
                "--shadow-url", shadow.url(), "--shadow-user", shadow.user());
        assertThat(bookshop.exit()).as(bookshop.out() + bookshop.err()).isZero();
        assertThat(bookshop.out()).contains("query manifests: 9 statements of 2 releases", "0 failed, 0 skipped");

        CliTest.Run lint = bellows("lint", "--location", "../examples/rule-vs-proof/db/migrations");
        assertThat(lint.exit()).as(lint.out()).isZero();
        TestDatabase shadow2 = Databases.postgres();
        CliTest.Run proof = bellows("verify", "--location", "../examples/rule-vs-proof/db/migrations",
                "--shadow-url", shadow2.url(), "--shadow-user", shadow2.user());
        assertThat(proof.exit()).isEqualTo(1);
        assertThat(proof.out()).contains("1.0.sql:5:1: error[verify-query-fails]", "column reference \"name\" is ambiguous",
                "rule-vs-proof/db/migrations/1.1/expand/001_add_books_name.sql:2",
                "1.0.sql:8:1: error[verify-query-fails]", "operator does not exist: text <= integer",
                "002_prices_formatted.sql:2");
    }

    @Test
    void importsFromMariaDbPerformanceSchema() throws Exception {
        TestDatabase db = Databases.mariadb();
        db.execute("CREATE TABLE titles (id bigint PRIMARY KEY, title varchar(100))");
        try (Connection c = db.connect()) {
            for (int i = 1; i <= 2; i++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT title FROM titles WHERE id = ?")) {
                    ps.setLong(1, i);
                    ps.executeQuery().close();
                }
            }
        }
        Path queries = dir.resolve("q");
        CliTest.Run run = bellows("queries", "import", "--release", "2.0", "--url", db.url(), "--user", db.user(),
                "--queries", queries.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(Files.readString(queries.resolve("2.0.sql"))).containsPattern(
                "-- sent 2\\nSELECT `title` FROM `titles` WHERE (`id`|ID) = \\?;");
    }

    @Test
    void importWithoutTheExtensionSaysHowToInstallIt() throws SQLException {
        TestDatabase db = Databases.postgres();
        CliTest.Run run = bellows("queries", "import", "--release", "1.0", "--url", db.url(), "--user", db.user(),
                "--queries", dir.resolve("q").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("pg_stat_statements is not installed", "CREATE EXTENSION pg_stat_statements");
        assertThat(dir.resolve("q")).doesNotExist();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
