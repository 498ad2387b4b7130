package dev.bellows.cli;

import dev.bellows.testing.Databases;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    @TempDir
    Path dir;

    /** Output, error output and exit code of one in-process run. */
    record Run(int exit, String out, String err) {
    }

    static Run bellows(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = BellowsCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
        return new Run(exit, out.toString(), err.toString());
    }

    static Run bellows(String... args) {
        return bellows(Map.of(), args);
    }

    static List<String> connection(TestDatabase db, Path location) {
        return List.of("--url", db.url(), "--user", db.user(), "--location", location.toString());
    }

    static String[] args(List<String> head, String... tail) {
        List<String> all = new ArrayList<>();
        all.addAll(List.of(tail).subList(0, 1));
        all.addAll(head);
        all.addAll(List.of(tail).subList(1, tail.length));
        return all.toArray(String[]::new);
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        CommandLine cl = BellowsCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.of());
        assertThat(cl.getSubcommands()).containsKeys("expand", "migrate", "contract", "upgrade", "plan", "status",
                "check", "repair", "instances", "lint", "explain", "verify", "demo");
        for (String name : cl.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            Run help = bellows(name, "--help");
            assertThat(help.exit()).as(name).isZero();
            assertThat(help.out()).as(name + " --help").containsPattern("Examples?:").contains("bellows");
        }
        assertThat(bellows("--help").out()).contains("Example:");
    }

    @Test
    void missingUrlIsAUsageErrorThatSaysWhatToDo() {
        Run r = bellows("status", "--location", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no database URL").contains("--url").contains("BELLOWS_URL");
    }

    @Test
    void badLayoutIsAUsageErrorAndTouchesNothing() throws Exception {
        TestDatabase db = Databases.postgres();
        new MigrationTree(dir).file("1.0", "expnd", "001_a.sql", "CREATE TABLE a (id int);");
        Run r = bellows(args(connection(db, dir), "expand"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown phase directory 'expnd'");
        assertThat(db.count("SELECT count(*) FROM pg_tables WHERE tablename = 'bellows_schema_history'")).isZero();
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(bellows("expand", "--frobnicate").exit()).isEqualTo(2);
    }

    @Test
    void aDatabaseThatCannotBeReachedExitsThreeAndNeverPrintsThePassword() {
        new MigrationTree(dir).file("1.0", "expand", "001_a.sql", "SELECT 1;");
        Run r = bellows("status", "--url", "jdbc:postgresql://127.0.0.1:1/nowhere", "--user", "app",
                "--password", "s3cret-pw", "--location", dir.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("cannot connect to jdbc:postgresql://127.0.0.1:1/nowhere as app");
        assertThat(r.out() + r.err()).doesNotContain("s3cret-pw");
    }

    @Test
    void environmentAndConfigFileSupplyTheConnection() throws Exception {
        TestDatabase db = Databases.postgres();
        new MigrationTree(dir).file("1.0", "expand", "001_a.sql", "CREATE TABLE from_env (id int);");
        Path yaml = Files.writeString(dir.resolve("bellows.yaml"), "url: jdbc:postgresql://127.0.0.1:1/wrong\n"
                + "location: " + dir + "\n");
        Run r = bellows(Map.of("BELLOWS_URL", db.url(), "BELLOWS_USER", db.user()), "expand", "--config",
                yaml.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(db.count("SELECT count(*) FROM pg_tables WHERE tablename = 'from_env'")).isEqualTo(1);
    }

    @Test
    void planPrintsTheSqlAndAppliesNothingThenTheCommandsWorkTheirWayThroughARelease() throws Exception {
        TestDatabase db = Databases.postgres();
        new MigrationTree(dir)
                .file("1.0", "expand", "001_books.sql", "CREATE TABLE books (id int PRIMARY KEY, code text);\n"
                        + "INSERT INTO books VALUES (1, 'a'), (2, 'b');")
                .file("1.1", "expand", "001_isbn.sql", "ALTER TABLE books ADD COLUMN isbn text;")
                .file("1.1", "migrate", "001_fill.sql", "UPDATE books SET isbn = code\n"
                        + "WHERE id IN (SELECT id FROM books WHERE isbn IS NULL LIMIT 1);")
                .file("1.1", "contract", "001_drop.sql", "ALTER TABLE books DROP COLUMN code;");
        List<String> conn = connection(db, dir);

        Run plan = bellows(args(conn, "plan"));
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("expand 1.0: 1 file", "1 | CREATE TABLE books", "[one transaction, pending]",
                "migrate 1.1", "[batched until no rows change, pending]", "contract 1.1").doesNotContain("REFUSED");
        Run refusedPlan = bellows(args(conn, "plan", "migrate"));
        assertThat(refusedPlan.exit()).isEqualTo(1);
        assertThat(refusedPlan.out()).contains("REFUSED: migrate 1.1 needs expand 1.1");
        assertThat(bellows(args(conn, "plan", "--to", "7.7")).exit()).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM pg_tables WHERE tablename = 'books'")).isZero();

        Run check = bellows(args(conn, "check", "--format", "json"));
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).contains("\"next\" : \"expand --to 1.0\"");

        assertThat(bellows(args(conn, "contract")).exit()).isEqualTo(1);
        Run upgrade = bellows(args(conn, "upgrade"));
        assertThat(upgrade.exit()).as(upgrade.err()).isZero();
        assertThat(upgrade.out()).contains("001_fill.sql  done", "2 rows in 2 batches");

        Run status = bellows(args(conn, "status"));
        assertThat(status.out()).contains("1.1        applied 1/1      applied 1/1      pending 0/1")
                .contains("next: bellows contract --to 1.1");
        Run statusJson = bellows(args(conn, "status", "--format", "json"));
        assertThat(statusJson.out()).contains("\"release\" : \"1.1\"", "\"upToDate\" : false");

        Run contract = bellows(args(conn, "contract", "--to", "1.1"));
        assertThat(contract.exit()).as(contract.err()).isZero();
        Run done = bellows(args(conn, "check"));
        assertThat(done.exit()).isZero();
        assertThat(done.out()).contains("up to date");
    }

    @Test
    void contractWaitsForOldInstancesAndStatusShowsThem() throws Exception {
        TestDatabase db = Databases.postgres();
        new MigrationTree(dir)
                .file("1.0", "expand", "001_t.sql", "CREATE TABLE t (id int, old_col int);")
                .file("1.1", "contract", "001_drop.sql", "ALTER TABLE t DROP COLUMN old_col;");
        List<String> conn = connection(db, dir);
        assertThat(bellows(args(conn, "expand")).exit()).isZero();
        Run reg = bellows("instances", "register", "--release", "1.0", "--id", "web-1", "--url", db.url(),
                "--user", db.user());
        assertThat(reg.exit()).as(reg.err()).isZero();

        Run status = bellows(args(conn, "status"));
        assertThat(status.out()).contains("live instances: 1 of release 1.0")
                .contains("contract safe: no (instance web-1");
        Run refused = bellows(args(conn, "contract"));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("contract refused").contains("instance web-1").contains("release 1.0");

        assertThat(bellows("instances", "deregister", "--id", "web-1", "--url", db.url(), "--user", db.user()).exit())
                .isZero();
        Run contract = bellows(args(conn, "contract"));
        assertThat(contract.exit()).as(contract.err()).isZero();
        assertThat(db.count("SELECT count(*) FROM information_schema.columns WHERE column_name = 'old_col'")).isZero();
    }

    @Test
    void batchSettingsComeFromFlagsEnvironmentOrFileForEveryApplyingCommand() throws Exception {
        TestDatabase db = Databases.postgres();
        new MigrationTree(dir)
                .file("1.0", "expand", "001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, v int);\n"
                        + "INSERT INTO t SELECT g, NULL FROM generate_series(1, 30) g;")
                .file("1.0", "migrate", "001_fill.sql", "UPDATE t SET v = 1\n"
                        + "WHERE id IN (SELECT id FROM t WHERE v IS NULL ORDER BY id LIMIT :batch_size);");
        List<String> conn = connection(db, dir);
        Run bad = bellows(Map.of("BELLOWS_BATCH_MIN", "50", "BELLOWS_BATCH_MAX", "10"), args(conn, "upgrade"));
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--batch-min (50) <= --batch-max (10)");

        Run upgrade = bellows(args(conn, "upgrade", "--batch-size", "10", "--batch-min", "10", "--batch-max", "10"));
        assertThat(upgrade.exit()).as(upgrade.err()).isZero();
        assertThat(db.count("SELECT batches FROM bellows_schema_history WHERE migration = '1.0/migrate/001_fill.sql'"))
                .isEqualTo(3);
    }

    @Test
    void aBadNumberNamesTheFlagVariableOrFileItCameFrom() throws Exception {
        new MigrationTree(dir).file("1.0", "expand", "001_a.sql", "SELECT 1;");
        Run flag = bellows("upgrade", "--lock-timeout", "soon", "--url", "jdbc:postgresql://127.0.0.1:1/x",
                "--location", dir.toString());
        assertThat(flag.exit()).isEqualTo(2);
        assertThat(flag.err()).contains("--lock-timeout must be a whole number >= 0, was 'soon'");
        Run env = bellows(Map.of("BELLOWS_BATCH_PAUSE", "-5"), "migrate", "--url", "jdbc:postgresql://127.0.0.1:1/x",
                "--location", dir.toString());
        assertThat(env.exit()).isEqualTo(2);
        assertThat(env.err()).contains("BELLOWS_BATCH_PAUSE must be a whole number >= 0, was '-5'");
        java.nio.file.Path yaml = java.nio.file.Files.writeString(dir.resolve("settings.yaml"), "max-batches: many\n");
        Run file = bellows("contract", "--config", yaml.toString(), "--url", "jdbc:postgresql://127.0.0.1:1/x",
                "--location", dir.toString());
        assertThat(file.exit()).isEqualTo(2);
        assertThat(file.err()).contains("settings.yaml: max-batches must be a whole number >= 0, was 'many'");
    }

    @Test
    void forceWithoutConfirmIsRefused() {
        new MigrationTree(dir).file("1.0", "expand", "001_a.sql", "SELECT 1;");
        Run r = bellows("contract", "--force", "--url", "jdbc:postgresql://127.0.0.1:1/x", "--location", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--force").contains("--confirm");
    }
}
