package dev.bellows.cli;

import dev.bellows.testing.Databases;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bare usage, the version, colours only where they belong (lint, status, check, plan), and GitHub annotations from
 * the command line.
 */
class FinishedCliTest {

    private static final String ESC = "\u001b[";

    @TempDir
    Path dir;

    private static CliTest.Run onTerminal(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = BellowsCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env, true);
        return new CliTest.Run(exit, out.toString(), err.toString());
    }

    private Path unsafe() throws Exception {
        Path file = dir.resolve("index.sql");
        Files.writeString(file, "CREATE INDEX books_isbn ON books (isbn);\n");
        return file;
    }

    @Test
    void bareBellowsPrintsUsageToStandardErrorAndExitsTwo() {
        CliTest.Run r = CliTest.bellows();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Usage: bellows").contains("Commands:").contains("lint");
    }

    @Test
    void versionNamesTheBuiltVersionCommitAndDate() {
        CliTest.Run r = CliTest.bellows("--version");
        assertThat(r.exit()).isZero();
        // the build filters build-info.properties; an unfiltered value would read "development build"
        assertThat(r.out()).containsPattern("^bellows \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R")
                .containsPattern("commit ([0-9a-f]{7,}|unknown), built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")
                .contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void coloursOnlyOnATerminalWithoutNoColor() throws Exception {
        String file = unsafe().toString();
        CliTest.Run coloured = onTerminal(Map.of(), "lint", file);
        assertThat(coloured.exit()).isEqualTo(1);
        assertThat(coloured.out()).contains(ESC + "1;31merror[pg-create-index-not-concurrently]" + ESC + "0m")
                .contains(ESC + "1;31m1 error(s)" + ESC + "0m");

        assertThat(CliTest.bellows("lint", file).out()).as("not a terminal").doesNotContain(ESC)
                .contains("error[pg-create-index-not-concurrently]");
        assertThat(onTerminal(Map.of("NO_COLOR", "1"), "lint", file).out()).as("NO_COLOR").doesNotContain(ESC);
        assertThat(onTerminal(Map.of(), "lint", "--no-color", file).out()).as("lint --no-color")
                .doesNotContain(ESC);
        assertThat(onTerminal(Map.of(), "--no-color", "lint", file).out()).as("bellows --no-color lint")
                .doesNotContain(ESC);
        assertThat(onTerminal(Map.of("NO_COLOR", ""), "lint", file).out()).as("NO_COLOR empty counts as unset")
                .contains(ESC);
        assertThat(onTerminal(Map.of(), "lint", "--format", "json", file).out()).as("json").doesNotContain(ESC);
    }

    /**
     * status, check and plan colour their verdicts on a terminal like lint does (the palette of the command line),
     * with the codes around the words only: without them the output is what a pipe gets, columns included.
     */
    @Test
    void statusCheckAndPlanColourOnlyOnATerminalWithoutNoColor() throws Exception {
        TestDatabase db = Databases.postgres();
        new MigrationTree(dir)
                .file("1.0", "expand", "001_t.sql", "CREATE TABLE t (id int);")
                .file("1.1", "expand", "001_u.sql", "CREATE TABLE u (id int);")
                .file("1.1", "contract", "001_drop.sql", "DROP TABLE t;");
        List<String> conn = CliTest.connection(db, dir);
        assertThat(CliTest.bellows(CliTest.args(conn, "expand", "--to", "1.0")).exit()).isZero();

        CliTest.Run status = onTerminal(Map.of(), CliTest.args(conn, "status"));
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains(ESC + "1;32mapplied 1/1" + ESC + "0m      " + ESC + "2m-" + ESC + "0m")
                .contains(ESC + "1;33mpending 0/1" + ESC + "0m")
                .contains("next: " + ESC + "1;33mbellows expand --to 1.1" + ESC + "0m (");
        assertThat(plain(status.out())).isEqualTo(CliTest.bellows(CliTest.args(conn, "status")).out())
                .contains("1.1        pending 0/1      -                pending 0/1");

        CliTest.Run check = onTerminal(Map.of(), CliTest.args(conn, "check"));
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).startsWith("next: " + ESC + "1;33mbellows expand --to 1.1" + ESC + "0m\nwhy: ");
        assertThat(plain(check.out())).isEqualTo(CliTest.bellows(CliTest.args(conn, "check")).out());

        CliTest.Run plan = onTerminal(Map.of(), CliTest.args(conn, "plan", "expand"));
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("    " + ESC + "2m   1 |" + ESC + "0m CREATE TABLE u (id int)\n");
        assertThat(plain(plan.out())).isEqualTo(CliTest.bellows(CliTest.args(conn, "plan", "expand")).out());
        CliTest.Run refused = onTerminal(Map.of(), CliTest.args(conn, "plan", "contract"));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains(ESC + "1;31mREFUSED" + ESC + "0m: contract 1.1 needs expand 1.1");

        for (String command : new String[]{"status", "check", "plan"}) {
            assertThat(onTerminal(Map.of("NO_COLOR", "1"), CliTest.args(conn, command)).out()).as(command + " NO_COLOR")
                    .doesNotContain(ESC);
            assertThat(onTerminal(Map.of(), CliTest.args(conn, command, "--no-color")).out())
                    .as(command + " --no-color").doesNotContain(ESC);
        }
        for (String command : new String[]{"status", "check"}) {
            CliTest.Run json = onTerminal(Map.of(), CliTest.args(conn, command, "--format", "json"));
            assertThat(json.out()).as(command + " json").contains("\"next\" : \"expand --to 1.1\"").doesNotContain(ESC);
        }

        assertThat(CliTest.bellows(CliTest.args(conn, "upgrade")).exit()).isZero();
        assertThat(CliTest.bellows(CliTest.args(conn, "contract")).exit()).isZero();
        assertThat(onTerminal(Map.of(), CliTest.args(conn, "check")).out()).isEqualTo(ESC + "1;32mup to date" + ESC
                + "0m\n");
        assertThat(onTerminal(Map.of(), CliTest.args(conn, "plan")).out()).isEqualTo(ESC + "1;32mnothing pending"
                + ESC + "0m\n");
        assertThat(onTerminal(Map.of(), CliTest.args(conn, "status")).out())
                .contains("next: " + ESC + "1;32mnothing, up to date" + ESC + "0m");
    }

    private static String plain(String coloured) {
        return coloured.replaceAll("\u001b\\[[0-9;]*m", "");
    }

    @Test
    void lintWritesGithubAnnotations() throws Exception {
        Path file = unsafe();
        CliTest.Run r = CliTest.bellows("lint", "--format", "github", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("::error file=").contains(",line=1,col=1,title=bellows pg-create-index-not-"
                + "concurrently::CREATE INDEX books_isbn");
        assertThat(r.out().lines()).hasSize(1);
    }

    @Test
    void examplesAreNotBrokenInsideAUrlOrAnOption() {
        String help = CliTest.bellows("--help").out();
        assertThat(help).contains("  bellows upgrade --url jdbc:postgresql://localhost/app --user app \\\n"
                + "      --location db/migrations").contains("Exit codes: 0 success, 1 findings or a refused step, 2 "
                + "usage or configuration,\n3 database or I/O failure.");
        assertThat(CliTest.bellows("verify", "--help").out())
                .contains("\n  bellows verify --dialect mysql --shadow-url jdbc:mariadb://localhost/verify_shadow "
                        + "--shadow-user root --format json\n");
        assertThat(CliTest.bellows("status", "--help").out()).contains("--password[=PASSWORD]").contains("--user=USER")
                .contains("--config=FILE");
    }

    @Test
    void theHelpPageBuiltAtPackageTimeIsWhatPicocliPrints() {
        assertThat(HelpPage.prebuilt(false)).as("written by the build (process-classes)")
                .hasValue(CliTest.bellows("--help").out());
        assertThat(HelpPage.prebuilt(true)).hasValue(onTerminal(Map.of(), "--help").out());
        assertThat(HelpPage.prebuilt(true).orElseThrow()).contains(ESC);
        assertThat(CliTest.bellows().err()).as("bare usage").isEqualTo(HelpPage.prebuilt(false).orElseThrow());
    }

    @Test
    void aCommandLineNamingOneCommandWorksLikeTheFullTree() throws Exception {
        String file = unsafe().toString();
        CliTest.Run one = CliTest.bellows("lint", file);
        CliTest.Run all = CliTest.bellows("--no-color", "lint", file);
        assertThat(one).isEqualTo(all);
        assertThat(CliTest.bellows("help", "lint").out()).startsWith("Usage: bellows lint");
        assertThat(CliTest.bellows("lnt").err()).contains("Unmatched argument at index 0: 'lnt'")
                .contains("Did you mean: bellows lint");
    }
}
