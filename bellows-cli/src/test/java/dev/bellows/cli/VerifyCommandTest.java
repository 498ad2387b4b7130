package dev.bellows.cli;

import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = BellowsCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of());
        List<String> all = new ArrayList<>(List.of("verify"));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    private void write(String relative, String sql) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, sql);
    }

    private String[] shadow(TestDatabase db, String... more) {
        List<String> a = new ArrayList<>(List.of("--location", dir.toString(), "--shadow-url", db.url(),
                "--shadow-user", db.user(), "--shadow-password", db.password()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void exitOneWithTheFindingWhenAVerdictFails() throws IOException {
        write("1.0/expand/001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, n int);\n");
        write("1.1/expand/001_widen.sql", "ALTER TABLE t ALTER COLUMN n TYPE bigint;\n");
        int code = run(shadow(Databases.postgres(), "--rows", "100"));
        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("1.1/expand/001_widen.sql:1:1: error[verify-rewrite]", "100 rows",
                "1 error(s), 0 warning(s)", ": FAILED");
    }

    @Test
    void exitZeroAndJsonWhenEverythingPassesOnTheEmbeddedShadow() throws IOException {
        write("1.0/expand/001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, n varchar(10));\n");
        write("1.1/expand/001_widen.sql", "ALTER TABLE t ALTER COLUMN n TYPE varchar(20);\n");
        int code = run("--location", dir.toString(), "--format", "json", "--pg-version", "17");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"failed\" : false", "\"mode\" : \"ACCESS EXCLUSIVE\"",
                "\"errors\" : 0");
    }

    @Test
    void htmlIsOnePageWithTheFindingAndExitOne() throws IOException {
        write("1.0/expand/001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, n int);\n");
        write("1.1/expand/001_widen.sql", "ALTER TABLE t ALTER COLUMN n TYPE bigint;\n");
        int code = run(shadow(Databases.postgres(), "--rows", "100", "--format", "html"));
        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
                .contains("verify-rewrite", "1.1/expand/001_widen.sql", "ALTER TABLE t ALTER COLUMN n TYPE bigint");
    }

    /**
     * {@code --format github} end to end: what the shadow database really did becomes one GitHub Actions annotation
     * per finding, on the file (the location as given, so {@code --location db/migrations} from the repository's root
     * names the file as the pull request does) and line of the statement; a waived finding gets none.
     */
    @Test
    void githubAnnotatesTheFileAndLineOfEachFinding() throws IOException {
        write("1.0/expand/001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, n int, legacy text, m int);\n");
        write("1.1/expand/001_change.sql", """
                CREATE TABLE audit (id int);
                ALTER TABLE t ALTER COLUMN n TYPE bigint;
                -- bellows:allow verify-rewrite reason: t is tiny in production
                ALTER TABLE t ALTER COLUMN m TYPE bigint;
                """);
        int code = run(shadow(Databases.postgres(), "--rows", "100", "--format", "github"));
        assertThat(code).as(err.toString()).isEqualTo(1);
        List<String> annotations = out.toString().lines().toList();
        assertThat(annotations).as(out.toString()).hasSize(1);
        assertThat(annotations.get(0))
                .startsWith("::error file=" + dir.resolve("1.1/expand/001_change.sql")
                        + ",line=2,col=1,title=bellows verify-rewrite::expand of 1.1 rewrote table t")
                .doesNotContain("\n");
        assertThat(out.toString()).doesNotContain("line=4").doesNotContain("passed").doesNotContain("FAILED");
    }

    @Test
    void usageAndDatabaseErrorsHaveTheirExitCodes() throws IOException {
        write("1.0/expand/001_t.sql", "CREATE TABLE t (id int);\n");
        assertThat(run("--location", dir.toString(), "--format", "xml")).isEqualTo(2);
        assertThat(err.toString()).contains("--format text, json, sarif or github", "or html");
        assertThat(run("--location", dir.toString(), "--pg-version", "16", "--shadow-url", "jdbc:postgresql://x/y"))
                .isEqualTo(2);
        assertThat(run("--location", dir.toString(), "--shadow-url", "jdbc:postgresql://127.0.0.1:1/none"))
                .isEqualTo(3);
        assertThat(err.toString()).contains("cannot connect to the shadow database");
        assertThat(run("--rows", "x")).isEqualTo(2);
        assertThat(run("--location", dir.toString(), "--dialect", "mysql")).isEqualTo(2);
        assertThat(err.toString()).contains("pass --shadow-url jdbc:mariadb://");
    }

    @Test
    void sarifForCodeScanningWithTheWaiverAsASuppression() throws IOException {
        write("1.0/expand/001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, n int, legacy text);\n");
        write("1.1/expand/001_drop.sql", """
                ALTER TABLE t DROP COLUMN legacy;
                -- bellows:allow verify-rewrite reason: t is tiny in production
                ALTER TABLE t ALTER COLUMN n TYPE bigint;
                """);
        int code = run(shadow(Databases.postgres(), "--format", "sarif"));
        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("\"version\" : \"2.1.0\"", "\"ruleId\" : \"verify-dropped-column\"",
                "\"ruleId\" : \"verify-rewrite\"", "t is tiny in production", "\"startLine\" : 3");
    }

    @Test
    void oneLintWaiverWaivesTheHazardInLintAndInVerify() throws IOException {
        write("1.0/expand/001_t.sql", "CREATE TABLE users (id int PRIMARY KEY, n int);\n");
        write("1.1/expand/001_widen.sql", """
                -- bellows:allow pg-rewriting-type-change, expand-change-column-type reason: tiny table
                ALTER TABLE users ALTER COLUMN n TYPE bigint;
                """);
        LintCliRunner.Run lint = LintCliRunner.run("lint", dir.toString());
        assertThat(lint.exit()).as(lint.out() + lint.err()).isZero();
        int code = run(shadow(Databases.postgres(), "--rows", "50"));
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("001_widen.sql:1: allow verify-rewrite — tiny table (waiver of lint rule "
                + "pg-rewriting-type-change, the same hazard as verify-rewrite)", "0 error(s), 0 warning(s), 1 waived",
                ": passed");
    }

    @Test
    void notValidThenValidateWithRowsPassesAndSaysWhenGeneratedRowsGotInTheWay() throws IOException {
        write("1.0/expand/001_t.sql", """
                CREATE TABLE users (id serial PRIMARY KEY, name text);
                CREATE TABLE orders (id serial PRIMARY KEY, user_id int NOT NULL, n int);
                """);
        write("1.1/expand/001_constraints.sql", """
                ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
                ALTER TABLE orders ADD CONSTRAINT orders_n_pos CHECK (n > 0) NOT VALID;
                """);
        write("1.1/contract/001_validate.sql", """
                ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;
                ALTER TABLE orders VALIDATE CONSTRAINT orders_n_pos;
                """);
        int code = run(shadow(Databases.postgres(), "--rows", "30"));
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).doesNotContain("verify-failed")
                .contains("note: --rows: ", "001_validate.sql:2 failed on the generated rows", "SQLSTATE 23514",
                        "--seed RELEASE=FILE", ": passed");
    }

    @Test
    void compareLintReportsWhereLintAndTheDatabaseDisagree() throws IOException {
        write("1.0/expand/001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, n int, s varchar(10), legacy text);\n");
        write("1.1/expand/001_changes.sql", """
                ALTER TABLE t ALTER COLUMN n TYPE bigint;
                ALTER TABLE t ALTER COLUMN s TYPE varchar(20);
                DO $$ BEGIN EXECUTE 'ALTER TABLE t DROP COLUMN legacy'; END $$;
                """);
        int code = run(shadow(Databases.postgres(), "--compare-lint"));
        assertThat(code).as(err.toString()).isEqualTo(1);
        String text = out.toString();
        assertThat(text).contains("001_changes.sql:3:1: warning[compare-lint-missed] verify observed verify-dropped-column");
        assertThat(text).doesNotContain("001_changes.sql:2:1: warning[compare-lint-unconfirmed]");
        assertThat(text).containsPattern("--compare-lint: [1-9]\\d* agreed");
    }

    @Test
    void helpHasAnExample() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("bellows verify --location db/migrations");
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("pg-rewriting-type-change for verify-rewrite",
                "existing parent keys");
    }

    @Test
    void schemaFromCopiesTheLiveSchemaAndPrintsWhatItVerified() throws Exception {
        TestDatabase live = Databases.postgres();
        live.execute("CREATE TABLE books (id int PRIMARY KEY, code text)",
                "CREATE VIEW codes AS SELECT id, code FROM books");
        write("1.0/expand/001_books.sql", "CREATE TABLE books (id int PRIMARY KEY, code text);\n");
        write("1.1/contract/001_drop_code.sql", "ALTER TABLE books DROP COLUMN code;\n");
        String unreachable = "jdbc:postgresql://127.0.0.1:1/app";
        int code = run(shadow(Databases.postgres(), "--schema-from", unreachable, "--schema-from-user", "app",
                "--schema-from-password", "s3cret-not-printed", "--since", "1.0"));
        assertThat(code).as(out + "\n" + err).isEqualTo(3);
        assertThat(err.toString()).contains("cannot connect to " + unreachable + " as app")
                .contains("(--schema-from, --schema-from-user, --schema-from-password)")
                .doesNotContain("s3cret-not-printed");
        assertThat(out.toString()).doesNotContain("s3cret-not-printed");

        out.getBuffer().setLength(0);
        code = run(shadow(Databases.postgres(), "--schema-from", live.url(), "--schema-from-user", live.user(),
                "--since", "1.0"));
        assertThat(code).as(out + "\n" + err).isEqualTo(1);
        assertThat(out.toString()).contains("note: schema copied from " + live.url(),
                "with --since 1.0 the releases after it are verified: 1.1 (1 file)", "001_drop_code.sql", "codes");

        assertThat(run("--location", dir.toString(), "--rows-from-stats")).isEqualTo(2);
        assertThat(err.toString()).contains("--rows-from-stats reads the statistics of the --schema-from database");
    }

    @Test
    void aFlatGolangMigrateFolderIsVerifiedOneReleasePerFile() throws IOException {
        write("0001_books.up.sql", "CREATE TABLE books (id int PRIMARY KEY, legacy text);\n");
        write("0001_books.down.sql", "DROP TABLE books;\n");
        write("0002_empty.up.sql", "-- intentionally empty\n");
        write("0003_drop.up.sql", "ALTER TABLE books DROP COLUMN legacy;\n");
        int code = run(shadow(Databases.postgres(), "--layout", "flat"));
        assertThat(code).as(out + "\n" + err).isEqualTo(1);
        assertThat(out.toString()).contains("0003_drop.up.sql:1:1: error[", "legacy").doesNotContain("down.sql")
                .contains("verified 3 migrations");
    }
}
