package dev.bellows.cli;

import dev.bellows.cli.LintCliRunner.Run;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** bellows import flyway: a Flyway folder written as Bellows' layout, then linted and verified as it is. */
class ImportCommandTest {

    @TempDir
    Path dir;

    private void write(String relative, String sql) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, sql);
    }

    private void flywayFolder() throws IOException {
        write("flyway/V1__create_books.sql", "CREATE TABLE books (id bigint PRIMARY KEY, title text NOT NULL, "
                + "legacy_code varchar(32));");
        write("flyway/V1_1__isbn.sql", "ALTER TABLE books ADD COLUMN isbn text;");
        write("flyway/later/V2__authors.sql", "CREATE TABLE authors (id bigint PRIMARY KEY, name text);");
        write("flyway/V3__drop_legacy.sql", "-- bellows:phase contract\nALTER TABLE books DROP COLUMN legacy_code;");
        write("flyway/R__books_view.sql", "CREATE OR REPLACE VIEW book_titles AS SELECT id, title FROM books;");
        write("flyway/afterMigrate.sql", "ANALYZE books;");
        write("flyway/U2__authors.sql", "DROP TABLE authors;");
        write("flyway/V4__Backfill.java", "class V4__Backfill {}");
        write("flyway/V5_oops.sql", "SELECT 1;");
    }

    @Test
    void importThenLintAndVerifyTheResult() throws IOException {
        flywayFolder();
        Path out = dir.resolve("db/migrations");
        Run r = LintCliRunner.run("import", "flyway", dir.resolve("flyway").toString(), "--to", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(out.resolve("1/expand/001_create_books.sql")).hasContent("CREATE TABLE books (id bigint PRIMARY "
                + "KEY, title text NOT NULL, legacy_code varchar(32));");
        assertThat(out.resolve("1.1/expand/001_isbn.sql")).exists();
        assertThat(out.resolve("2/expand/001_authors.sql")).exists();
        assertThat(out.resolve("3/contract/001_drop_legacy.sql")).exists();
        assertThat(out.resolve("3/expand/901_books_view.sql")).exists();
        assertThat(r.out()).contains("afterMigrate.sql: Flyway callback", "U2__authors.sql: undo migration",
                "V4__Backfill.java: Java migration", "V5_oops.sql: not named like a Flyway migration",
                "repeatable: runs once", "imported 5 file(s) into 4 release(s)", "4 not converted");

        Run lint = LintCliRunner.run("lint", "--location", out.toString());
        assertThat(lint.exit()).as(lint.out()).isZero();

        TestDatabase shadow = Databases.postgres();
        Run verify = LintCliRunner.run("verify", "--location", out.toString(), "--shadow-url", shadow.url(),
                "--shadow-user", shadow.user(), "--shadow-password", shadow.password());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("verified 5 migrations");

        Files.writeString(out.resolve("1.1/expand/001_isbn.sql"), "-- edited by hand\n");
        Run again = LintCliRunner.run("import", "flyway", dir.resolve("flyway").toString(), "--to", out.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("5 target file(s) exist already", "--force");
        assertThat(out.resolve("1.1/expand/001_isbn.sql")).hasContent("-- edited by hand");
        Run forced = LintCliRunner.run("import", "flyway", dir.resolve("flyway").toString(), "--to", out.toString(),
                "--force");
        assertThat(forced.exit()).isZero();
        assertThat(out.resolve("1.1/expand/001_isbn.sql")).hasContent("ALTER TABLE books ADD COLUMN isbn text;");
    }

    @Test
    void placeholdersAreNamedAndBadFoldersAreUsageErrors() throws IOException {
        write("fw/V1__mail.sql", "CREATE TABLE t (mail text DEFAULT 'info@${mail_domain}');");
        Run r = LintCliRunner.run("import", "flyway", dir.resolve("fw").toString(), "--to",
                dir.resolve("out").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("holds Flyway placeholders ${mail_domain}");

        Run missing = LintCliRunner.run("import", "flyway", dir.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such directory");
        write("empty/README.md", "x");
        Run none = LintCliRunner.run("import", "flyway", dir.resolve("empty").toString(), "--to",
                dir.resolve("out2").toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("holds no Flyway versioned migration");
        assertThat(LintCliRunner.run("import", "flyway", "--help").out()).contains("Example:");
    }
}
