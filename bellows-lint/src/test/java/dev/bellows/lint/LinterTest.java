package dev.bellows.lint;

import dev.bellows.load.MigrationLoader;
import dev.bellows.model.Phase;
import dev.bellows.sql.SqlSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LinterTest {

    @TempDir
    Path dir;

    private Path write(String relative, String sql) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, sql);
        return p;
    }

    @Test
    void replaysTheLayoutAcrossReleasesAndPhases() throws IOException {
        write("db/1.0/expand/001_books.sql", "CREATE TABLE books (id int PRIMARY KEY, title varchar(50), legacy text);");
        write("db/1.1/expand/001_isbn.sql", "ALTER TABLE books ADD COLUMN isbn text;\n"
                + "CREATE INDEX CONCURRENTLY books_isbn ON books (isbn);\n"
                + "ALTER TABLE books ALTER COLUMN title TYPE varchar(200);");
        write("db/1.1/migrate/001_backfill.sql", "UPDATE books SET isbn = '' WHERE id >= 0 AND id < 1000;");
        write("db/1.1/contract/001_drop.sql", "ALTER TABLE books DROP COLUMN legacy;\n"
                + "ALTER TABLE books ADD CONSTRAINT isbn_nn CHECK (isbn IS NOT NULL) NOT VALID;");
        write("db/1.1/contract/002_not_null.sql", "ALTER TABLE books VALIDATE CONSTRAINT isbn_nn;\n"
                + "ALTER TABLE books ALTER COLUMN isbn SET NOT NULL;");
        write("db/1.2/expand/001_index.sql", "CREATE INDEX books_title ON books (title);");
        LintReport r = Linter.lint(MigrationLoader.load(dir.resolve("db"), SqlSyntax.POSTGRESQL),
                LintOptions.of(LintDialect.POSTGRESQL));
        assertThat(r.active()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("pg-create-index-not-concurrently");
            assertThat(f.file()).endsWith("001_index.sql");
            assertThat(f.line()).isEqualTo(1);
        });
        assertThat(r.statements()).isEqualTo(10);
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void looseFilesTouchPreExistingObjectsExceptTheirOwn() throws IOException {
        Path a = write("a.sql", "CREATE TABLE t (id int);\nCREATE INDEX t_id ON t (id);\nCREATE INDEX u_id ON u (id);");
        LintReport r = Linter.lintFiles(List.of(a), Phase.EXPAND, LintOptions.of(LintDialect.POSTGRESQL));
        assertThat(LintFixtures.ruleIds(r)).containsExactly("pg-create-index-not-concurrently");
        assertThat(r.active().get(0).line()).isEqualTo(3);
    }

    @Test
    void flywayFolderIsOneHistoryWithPhaseHeaders() throws IOException {
        write("fw/V1__books.sql", "CREATE TABLE books (id int, legacy text);");
        write("fw/V2__isbn.sql", "ALTER TABLE books ADD COLUMN isbn text;");
        write("fw/V10__drop.sql", "-- bellows:phase contract\nALTER TABLE books DROP COLUMN legacy;");
        write("fw/V3__bad.sql", "ALTER TABLE books DROP COLUMN isbn;");
        write("fw/R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;");
        LintReport r = Linter.lintFlyway(dir.resolve("fw"), LintOptions.of(LintDialect.POSTGRESQL));
        assertThat(r.active()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("expand-drop-column");
            assertThat(f.file()).endsWith("V3__bad.sql");
        });
        assertThat(r.statements()).isEqualTo(5); // the R__ file is linted too
    }

    /** Review B item 9: repeatable (R__) files are linted as expand of the newest release, after the versioned ones. */
    @Test
    void flywayRepeatablesAreLintedAfterTheVersionedOnes() throws IOException {
        write("fw/V1__books.sql", "CREATE TABLE books (id int, title text);");
        write("fw/V2__isbn.sql", "ALTER TABLE books ADD COLUMN isbn text;");
        write("fw/R__views.sql", "CREATE OR REPLACE VIEW book_titles AS SELECT id, isbn FROM books;\n"
                + "ALTER TABLE books DROP COLUMN title;");
        LintReport r = Linter.lintFlyway(dir.resolve("fw"), LintOptions.of(LintDialect.POSTGRESQL));
        assertThat(r.active()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("expand-drop-column");
            assertThat(f.file()).endsWith("R__views.sql");
            assertThat(f.line()).isEqualTo(2);
        });
        assertThat(r.statements()).isEqualTo(4);
    }

    /** Review B item 9: undo (U) files and .sql files Flyway would not run are reported, not skipped silently. */
    @Test
    void flywayUndoAndMisnamedFilesAreReported() throws IOException {
        write("fw/V1__books.sql", "CREATE TABLE books (id int);");
        write("fw/U1__books.sql", "DROP TABLE books;");
        write("fw/V2_isbn.sql", "ALTER TABLE books ADD COLUMN isbn text;");
        write("fw/notes.txt", "not SQL");
        LintReport r = Linter.lintFlyway(dir.resolve("fw"), LintOptions.of(LintDialect.POSTGRESQL));
        assertThat(r.active()).extracting(f -> f.ruleId() + " " + f.file().replaceAll(".*[/\\\\]", ""))
                .containsExactlyInAnyOrder("unrecognized-statement U1__books.sql", "unrecognized-statement V2_isbn.sql");
        assertThat(r.active()).allSatisfy(f -> {
            assertThat(f.message()).contains("not linted");
            assertThat(f.help()).isNotEmpty();
        });
        assertThat(r.active()).filteredOn(f -> f.file().endsWith("U1__books.sql")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("undo"));
    }

    @Test
    void versionFlagsChangeVerdicts() {
        String sql = "ALTER TABLE books ADD COLUMN pages int DEFAULT 0";
        LintOptions pg = LintOptions.of(LintDialect.POSTGRESQL);
        assertThat(Linter.lintSql(sql, "x.sql", Phase.EXPAND, pg).active()).isEmpty();
        assertThat(LintFixtures.ruleIds(Linter.lintSql(sql, "x.sql", Phase.EXPAND,
                pg.withPgVersion(ServerVersion.parse("10"))))).containsExactly("pg-volatile-default");
    }

    @Test
    void adviceNamesTheCurrentFolderInWordsNotAsDot() {
        assertThat(Linter.folder(java.nio.file.Path.of("."))).isEqualTo("the current folder");
        assertThat(Linter.folder(java.nio.file.Path.of("db/./migration"))).isEqualTo("db/migration");
    }
}
