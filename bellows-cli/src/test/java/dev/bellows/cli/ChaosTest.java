package dev.bellows.cli;

import dev.bellows.testing.Databases;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos suite, small: a real {@code bellows} process SIGKILLed at random moments of
 * {@code upgrade --all-phases}, a migrator's connection terminated by the server, and four migrators
 * at once. After each, a rerun must leave history, data and schema exactly as a clean run does, with
 * no INVALID index. Trials are seeded ({@code -Dbellows.chaos.seed=N}) so a failure can be replayed.
 */
class ChaosTest {

    static final Path BOOKSHOP = Path.of("..", "examples", "bookshop", "db", "migrations");
    static final long SEED = Long.getLong("bellows.chaos.seed", 16L);

    @TempDir
    Path dir;

    static List<String> conn(TestDatabase db, Path location) {
        return List.of("--url", db.url(), "--user", db.user(), "--location", location.toString());
    }

    /** What must be equal to a clean run: schema, data (without timestamps), history, INVALID indexes. */
    static String fingerprint(TestDatabase db) throws Exception {
        boolean pg = db.kind().equals("postgresql");
        List<String> queries = pg ? List.of(
                "SELECT string_agg(table_name || '.' || column_name || ':' || data_type || ':' || is_nullable, ',' "
                        + "ORDER BY table_name, column_name) FROM information_schema.columns WHERE table_schema = 'public'",
                "SELECT string_agg(indexdef, ',' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'public'",
                "SELECT 'invalid indexes: ' || count(*) FROM pg_index WHERE NOT indisvalid",
                "SELECT string_agg(tgname, ',' ORDER BY tgname) FROM pg_trigger WHERE NOT tgisinternal",
                "SELECT string_agg(conname || ':' || convalidated, ',' ORDER BY conname) FROM pg_constraint "
                        + "WHERE connamespace = 'public'::regnamespace",
                "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.views "
                        + "WHERE table_schema = 'public'",
                // Not id: a seed killed mid-transaction used sequence values (sequences are not transactional).
                "SELECT count(*) || ':' || md5(string_agg((to_jsonb(t) - 'created_at' - 'id')::text, '|' "
                        + "ORDER BY title)) FROM titles t",
                "SELECT string_agg(migration || ':' || outcome || ':' || checksum || ':' || statements_done, ',' "
                        + "ORDER BY migration) FROM bellows_schema_history")
                : List.of(
                "SELECT group_concat(concat(table_name, '.', column_name, ':', column_type, ':', is_nullable) "
                        + "ORDER BY table_name, column_name) FROM information_schema.columns "
                        + "WHERE table_schema = database() AND table_name NOT LIKE 'bellows%'",
                "SELECT group_concat(concat(table_name, '.', index_name, ':', column_name) ORDER BY table_name, "
                        + "index_name, seq_in_index) FROM information_schema.statistics WHERE table_schema = database()",
                "SELECT concat(count(*), ':', md5(group_concat(concat_ws(',', id, name, code, done) ORDER BY id))) "
                        + "FROM items",
                "SELECT group_concat(concat(migration, ':', outcome, ':', checksum, ':', statements_done) "
                        + "ORDER BY migration) FROM bellows_schema_history");
        StringBuilder out = new StringBuilder();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String q : queries) {
                try (ResultSet rs = st.executeQuery(q)) {
                    rs.next();
                    out.append(rs.getString(1)).append('\n');
                }
            }
        }
        return out.toString();
    }

    static Process start(TestDatabase db, Path location, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                BellowsCli.class.getName(), "upgrade", "--all-phases"));
        command.addAll(conn(db, location));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static void rerunAndCompare(TestDatabase db, Path location, String clean) throws Exception {
        CliTest.Run rerun = CliTest.bellows(Map.of(), CliTest.args(conn(db, location), "upgrade", "--all-phases"));
        assertThat(rerun.exit()).as(rerun.out() + rerun.err()).isZero();
        assertThat(fingerprint(db)).isEqualTo(clean);
    }

    /**
     * Kills a real bellows process at random moments, then reruns; returns how many kills left the
     * database mid-run (history written, state not yet a clean run's). The moments are fractions of a
     * clean run's own duration, measured in the same way, so a fast machine is hit mid-run as often as a
     * slow one.
     */
    int killTrials(java.util.function.Supplier<TestDatabase> fresh, Path location, int trials) throws Exception {
        TestDatabase cleanDb = fresh.get();
        long began = System.nanoTime();
        Process cleanRun = start(cleanDb, location, dir.resolve("clean.log"));
        assertThat(cleanRun.waitFor(300, TimeUnit.SECONDS)).isTrue();
        long cleanMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        assertThat(cleanRun.exitValue()).as(java.nio.file.Files.readString(dir.resolve("clean.log"))).isZero();
        String expected = fingerprint(cleanDb);
        assertThat(expected).contains(cleanDb.kind().equals("postgresql") ? "invalid indexes: 0" : "");
        Random random = new Random(SEED);
        int landed = 0;
        // At least `trials` trials, more (up to four times as many) until a kill has hit a running migrator.
        for (int trial = 0; trial < trials || (landed == 0 && trial < 4 * trials); trial++) {
            TestDatabase db = fresh.get();
            Process child = start(db, location, dir.resolve("child-" + trial + ".log"));
            long delay = (long) (cleanMs * (0.25 + 0.7 * random.nextDouble()));
            if (!child.waitFor(delay, TimeUnit.MILLISECONDS)) {
                child.destroyForcibly(); // SIGKILL
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                if (leftMidRun(db, expected)) {
                    landed++;
                }
            }
            rerunAndCompare(db, location, expected);
        }
        System.out.printf("chaos on %s: a clean run took %d ms; %d kills left the database mid-run%n",
                cleanDb.kind(), cleanMs, landed);
        return landed;
    }

    /** Whether a killed run had begun writing history and stopped before a clean run's end state. */
    static boolean leftMidRun(TestDatabase db, String expected) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM bellows_schema_history")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return false;
            }
        } catch (java.sql.SQLException noHistoryYet) {
            return false;
        }
        try {
            return !fingerprint(db).equals(expected);
        } catch (java.sql.SQLException partSchema) {
            return true;
        }
    }

    @Test
    void sigkilledUpgradesOfTheExampleOnPostgresqlAreFinishedByTheRerunLikeACleanRun() throws Exception {
        int landed = killTrials(Databases::postgres, BOOKSHOP, 3);
        assertThat(landed).as("kills that hit a running migrator").isPositive();
    }

    @Test
    void sigkilledUpgradesOnMariadbAreFinishedByTheRerunLikeACleanRun() throws Exception {
        StringBuilder rows = new StringBuilder("INSERT INTO items (id, name) VALUES ");
        for (int i = 1; i <= 300; i++) {
            rows.append(i == 1 ? "" : ", ").append("(").append(i).append(", 'item ").append(i).append("')");
        }
        new MigrationTree(dir)
                .file("1.0", "expand", "001_items.sql", "CREATE TABLE items (id int PRIMARY KEY, name varchar(40) NOT "
                        + "NULL, legacy varchar(10));\n" + rows + ";")
                .file("1.1", "expand", "001_code.sql", "ALTER TABLE items ADD COLUMN IF NOT EXISTS code varchar(20);\n"
                        + "ALTER TABLE items ADD COLUMN IF NOT EXISTS done int NOT NULL DEFAULT 0;\n"
                        + "CREATE INDEX IF NOT EXISTS items_code_idx ON items (code);")
                .file("1.1", "migrate", "001_fill.sql", "UPDATE items SET code = concat('C-', id), done = done + 1 "
                        + "WHERE code IS NULL AND SLEEP(0.002) = 0 ORDER BY id LIMIT 10;")
                .file("1.1", "contract", "001_drop_legacy.sql", "ALTER TABLE items DROP COLUMN IF EXISTS legacy;");
        int landed = killTrials(Databases::mariadb, dir, 2);
        assertThat(landed).as("kills that hit a running migrator").isPositive();
    }

    @Test
    void aTerminatedConnectionAndFourMigratorsAtOnceEndLikeACleanRun() throws Exception {
        TestDatabase cleanDb = Databases.postgres();
        assertThat(CliTest.bellows(Map.of(), CliTest.args(conn(cleanDb, BOOKSHOP), "upgrade", "--all-phases")).exit())
                .isZero();
        String expected = fingerprint(cleanDb);

        // The server ends the migrator's session mid-run (pg_terminate_backend), then a rerun.
        TestDatabase killed = Databases.postgres();
        CompletableFuture<CliTest.Run> run = CompletableFuture.supplyAsync(() ->
                CliTest.bellows(Map.of(), CliTest.args(conn(killed, BOOKSHOP), "upgrade", "--all-phases")));
        Thread.sleep(800);
        killed.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'bellows' "
                + "AND datname = current_database()");
        CliTest.Run interrupted = run.get(120, TimeUnit.SECONDS);
        if (interrupted.exit() != 0) {
            assertThat(interrupted.err()).doesNotContain("internal error");
        }
        rerunAndCompare(killed, BOOKSHOP, expected);

        // Four migrators at once: one applies, the others wait for its lock and find nothing left to do.
        TestDatabase shared = Databases.postgres();
        List<CompletableFuture<CliTest.Run>> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(CompletableFuture.supplyAsync(() -> CliTest.bellows(Map.of(),
                    CliTest.args(conn(shared, BOOKSHOP), "upgrade", "--all-phases", "--lock-wait", "120"))));
        }
        for (CompletableFuture<CliTest.Run> f : four) {
            CliTest.Run r = f.get(240, TimeUnit.SECONDS);
            assertThat(r.exit()).as(r.err()).isZero();
        }
        assertThat(fingerprint(shared)).isEqualTo(expected);
    }
}
