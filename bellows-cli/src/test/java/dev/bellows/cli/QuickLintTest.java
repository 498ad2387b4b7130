package dev.bellows.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link QuickLint} reads plain {@code bellows lint} command lines without picocli: every command line here gives
 * the same exit code, standard output and standard error through it as through picocli, and the command lines it
 * does not read are left to picocli.
 */
class QuickLintTest {

    @TempDir
    static Path dir;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void files() throws IOException {
        write("db/1.0/expand/001_books.sql", "CREATE TABLE books (id int PRIMARY KEY, legacy text);");
        write("db/1.1/expand/001_isbn.sql", "ALTER TABLE books ADD COLUMN isbn text;\n"
                + "ALTER TABLE books DROP COLUMN legacy;");
        write("db/1.1/contract/001_index.sql", "CREATE INDEX CONCURRENTLY books_isbn ON books (isbn);");
        write("queries/1.0.sql", "SELECT id, legacy FROM books;");
        write("loose.sql", "CREATE INDEX i ON books (isbn);\nALTER TABLE books DROP COLUMN legacy;");
        write("volatile.sql", "ALTER TABLE books ADD COLUMN created timestamptz DEFAULT now();");
        write("flat/001_books.sql", "CREATE TABLE books (id int PRIMARY KEY);");
        write("flat/002_drop.sql", "DROP TABLE books;");
        write("fw/V1__books.sql", "CREATE TABLE books (id int PRIMARY KEY, legacy text);");
        write("fw/V2__drop.sql", "ALTER TABLE books DROP COLUMN legacy;");
        write("mysql.yaml", "dialect: mysql\n");
        write("bad/1.0/001_no_phase.sql", "SELECT 1;");
    }

    private static void write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static String p(String relative) {
        return dir.resolve(relative).toString();
    }

    /** Command lines QuickLint reads: the same result as picocli's. */
    @Test
    void plainCommandLinesGiveWhatPicocliGives() {
        List<String[]> lines = List.of(
                args("lint", p("loose.sql")),
                args("lint", p("loose.sql"), p("volatile.sql")),
                args("lint", "--format", "json", p("loose.sql")),
                args("lint", "--format=sarif", p("loose.sql")),
                args("lint", p("loose.sql"), "--format", "github"),
                args("lint", "--dialect", "mysql", "--phase", "contract", p("loose.sql")),
                args("lint", "--phase", "later", p("loose.sql")),
                args("lint", "--format", "xml", p("loose.sql")),
                args("lint", "--dialect", "oracle", p("loose.sql")),
                args("lint", p("missing.sql")),
                args("lint", p("db")),
                args("lint", p("db/1.1")),
                args("lint", p("db/1.1/contract/001_index.sql")),
                args("lint", "--location", p("db")),
                args("lint", "--location", p("nowhere")),
                args("lint", "--since", "1.0", p("db")),
                args("lint", "--queries", p("queries"), p("db")),
                args("lint", "--layout", "flat", p("flat")),
                args("lint", "--layout", "tree", p("flat")),
                args("lint", "--flyway", p("fw")),
                args("lint", "--flyway", p("fw"), p("loose.sql")),
                args("lint", "--pg-version", "10", p("volatile.sql")),
                args("lint", "--pg-version", "twelve", p("volatile.sql")),
                args("lint", "--mysql-version", "10.6", "--dialect", "mysql", p("loose.sql")),
                args("lint", "--config", p("mysql.yaml"), p("loose.sql")),
                args("lint", "--config", p("missing.yaml"), p("loose.sql")),
                args("lint", p("bad")),
                args("lint", "--no-color", p("loose.sql")));
        for (String[] line : lines) {
            assertThat(QuickLint.parse(line, Map.of(), false)).as(String.join(" ", line)).isPresent();
            for (boolean terminal : new boolean[]{false, true}) {
                assertSame(line, Map.of(), terminal);
            }
        }
        // the location from the environment, and colours switched off by it
        assertSame(args("lint"), Map.of("BELLOWS_LOCATION", p("db")), false);
        assertSame(args("lint", p("loose.sql")), Map.of("NO_COLOR", "1"), true);
    }

    @Test
    void coloursOnATerminalUnlessSwitchedOff() {
        Result coloured = quick(args("lint", p("loose.sql")), Map.of(), true);
        assertThat(coloured.out()).contains("\u001b[");
        Result plain = quick(args("lint", "--no-color", p("loose.sql")), Map.of(), true);
        assertThat(plain.out()).doesNotContain("\u001b[").contains("error[expand-drop-column]");
        assertThat(plain.exit()).isEqualTo(1);
    }

    /** What QuickLint does not read goes to picocli, which gives its usual answers and errors. */
    @Test
    void everythingElseIsLeftToPicocli() {
        List<String[]> lines = List.of(
                args(),
                args("--help"),
                args("--no-color", "lint", p("loose.sql")),
                args("verify", "--help"),
                args("lint", "--help"),
                args("lint", "-h"),
                args("lint", "--list-rules"),
                args("lint", "--format"),
                args("lint", "--format="),
                args("lint", "--format", "json", "--format", "text", p("loose.sql")),
                args("lint", "--no-color", "--no-color", p("loose.sql")),
                args("lint", "--no-color=true", p("loose.sql")),
                args("lint", "--no-such-flag", p("loose.sql")),
                args("lint", "--format", "--dialect", p("loose.sql")),
                args("lint", "--", p("loose.sql")),
                args("lint", "-x"),
                args("lint", ""),
                args("lint", "@" + p("loose.sql")),
                args("lint", "bad\u0000name.sql"),
                args("lint", "--stats-min-rows", "5", p("loose.sql")));
        for (String[] line : lines) {
            assertThat(QuickLint.parse(line, Map.of(), false)).as(String.join(" ", line)).isEmpty();
            assertSame(line, Map.of(), false);
        }
        Result repeated = quick(args("lint", "--format", "json", "--format", "text", p("loose.sql")), Map.of(), false);
        assertThat(repeated.exit()).isEqualTo(2);
        assertThat(repeated.err()).contains("--format").contains("should be specified only once");
    }

    private static void assertSame(String[] line, Map<String, String> env, boolean terminal) {
        Result quick = quick(line, env, terminal);
        Result picocli = picocli(line, env, terminal);
        assertThat(quick).as("%s (terminal: %s)", String.join(" ", line), terminal).isEqualTo(picocli);
    }

    private static Result quick(String[] line, Map<String, String> env, boolean terminal) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = BellowsCli.run(line, new PrintWriter(out, true), new PrintWriter(err, true), env, terminal);
        return new Result(exit, out.toString(), err.toString());
    }

    private static Result picocli(String[] line, Map<String, String> env, boolean terminal) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = BellowsCli.runWithPicocli(line, new PrintWriter(out, true), new PrintWriter(err, true), env,
                terminal);
        return new Result(exit, out.toString(), err.toString());
    }

    private static String[] args(String... args) {
        return new ArrayList<>(List.of(args)).toArray(String[]::new);
    }
}
