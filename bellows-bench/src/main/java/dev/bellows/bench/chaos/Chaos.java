package dev.bellows.bench.chaos;

import dev.bellows.cli.BellowsCli;
import dev.bellows.db.ConnectionSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The chaos suite: real {@code bellows upgrade --all-phases} processes SIGKILLed at random moments,
 * their sessions terminated by the server, four of them at once, and a long transaction held while
 * they build an index concurrently. After each fault a rerun must leave schema, data and history
 * exactly as a clean run does, with no INVALID index. {@code ChaosSuiteTest} runs it small in the
 * build; {@link ChaosBench} at full size.
 */
public final class Chaos {

    /** One fault and what the rerun made of it; {@code phase} says where a kill landed. */
    public record Trial(String kind, long delayMs, String phase, boolean landed, String failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    /** A clean run's duration and the trials measured against it. */
    public record Result(String database, long cleanMs, List<Trial> trials) {
        public long landed() {
            return trials.stream().filter(Trial::landed).count();
        }

        public List<Trial> failures() {
            return trials.stream().filter(Trial::failed).toList();
        }

        /** Kills by where they landed ("1.1/migrate", "before history", "after the end"), in first-seen order. */
        public Map<String, Integer> byPhase() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            trials.stream().filter(t -> t.kind().equals("sigkill"))
                    .forEach(t -> counts.merge(t.phase(), 1, Integer::sum));
            return counts;
        }
    }

    private final Path location;
    private final Path workDir;
    private final Supplier<ConnectionSettings> fresh;
    private final Random random;
    private String expected;
    private long cleanMs;
    private final Map<Process, Path> logs = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param location the migrations every run applies
     * @param workDir  where the processes' logs go
     * @param fresh    a new, empty database for each trial
     */
    public Chaos(Path location, Path workDir, Supplier<ConnectionSettings> fresh, long seed) {
        this.location = location;
        this.workDir = workDir;
        this.fresh = fresh;
        this.random = new Random(seed);
    }

    /** Runs one clean upgrade, timed, and keeps its end state as what every trial must reach. */
    public long clean() throws Exception {
        ConnectionSettings db = fresh.get();
        long began = System.nanoTime();
        Outcome run = run(db, "clean");
        cleanMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        if (run.exit != 0) {
            throw new IllegalStateException("the clean run failed (exit " + run.exit + "):\n" + run.log);
        }
        expected = fingerprint(db);
        if (isPostgres(db) && !expected.contains("invalid indexes: 0")) {
            throw new IllegalStateException("the clean run left an INVALID index:\n" + expected);
        }
        return cleanMs;
    }

    /**
     * SIGKILLs a run at a moment drawn uniformly between {@code from} and {@code to} of the clean run's
     * duration, then reruns and compares. The kill counts as landed when it left the database mid-run.
     */
    public Trial sigkill(double from, double to) throws Exception {
        ConnectionSettings db = fresh.get();
        Process child = start(db, "kill");
        long delay = (long) (cleanMs * (from + (to - from) * random.nextDouble()));
        String phase = "after the end";
        boolean landed = false;
        if (!child.waitFor(delay, TimeUnit.MILLISECONDS)) {
            child.destroyForcibly(); // SIGKILL
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                return new Trial("sigkill", delay, "?", false, "the killed process did not end in 30 s");
            }
            phase = whereItStopped(db);
            landed = !phase.equals("before history") && !Fingerprint.safely(() -> fingerprint(db)).equals(expected);
            if (!landed && !phase.equals("before history")) {
                phase = "after the end";
            }
        }
        return new Trial("sigkill", delay, phase, landed, rerunAndCompare(db));
    }

    /** The server ends the run's sessions ({@code pg_terminate_backend}) as soon as it has written history. */
    public Trial terminate() throws Exception {
        ConnectionSettings db = fresh.get();
        Process child = start(db, "terminate");
        long began = System.nanoTime();
        boolean hit = false;
        while (child.isAlive() && !hit) {
            if (historyRows(db) > 0) {
                hit = terminateSessions(db) > 0;
                if (!hit) {
                    break;
                }
            }
            Thread.sleep(2);
        }
        long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        String failure = awaitEnd(child);
        return new Trial("terminate", at, hit ? whereItStopped(db) : "after the end", hit,
                failure != null ? failure : rerunAndCompare(db));
    }

    /** Four runs at once on one database: one applies, the others wait for its lock and find nothing left. */
    public Trial fourAtOnce() throws Exception {
        ConnectionSettings db = fresh.get();
        List<Process> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(start(db, "four", "--lock-wait", "120"));
        }
        String failure = null;
        for (Process p : four) {
            if (!p.waitFor(240, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                failure = "a run did not end in 240 s";
            } else if (p.exitValue() != 0 && failure == null) {
                failure = "a run exited with " + p.exitValue();
            }
        }
        if (failure == null) {
            String got = fingerprint(db);
            failure = got.equals(expected) ? null : "the end state differs from a clean run's:\n" + got;
        }
        return new Trial("four at once", 0, "", true, failure);
    }

    /**
     * A transaction holding a snapshot (as {@code pg_dump} does) for {@code holdMs} while the run builds
     * its indexes concurrently: the builds wait for it instead of failing on the lock timeout.
     */
    public Trial longTransaction(long holdMs) throws Exception {
        ConnectionSettings db = fresh.get();
        try (Connection report = connect(db); Statement st = report.createStatement()) {
            report.setAutoCommit(false);
            report.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            st.executeQuery("SELECT count(*) FROM pg_class").close();
            long began = System.nanoTime();
            Process child = start(db, "long-transaction");
            boolean endedEarly = child.waitFor(holdMs, TimeUnit.MILLISECONDS);
            report.commit();
            String failure = endedEarly ? "the run ended (exit " + child.exitValue() + ") while the snapshot was "
                    + "still held: its concurrent index builds did not wait for it" : awaitEnd(child);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            if (failure == null && child.exitValue() != 0) {
                failure = "exit " + child.exitValue() + ":\n" + Files.readString(logs.get(child));
            }
            if (failure == null) {
                String got = fingerprint(db);
                failure = got.equals(expected) ? null : "the end state differs from a clean run's:\n" + got;
            }
            return new Trial("long transaction", took, "", true, failure);
        }
    }

    /** A server this suite may stop and start again (same data directory and port). */
    public interface RestartableServer extends AutoCloseable {
        ConnectionSettings create(String name);

        void restart() throws Exception;
    }

    /**
     * The server is stopped under a running migrator (every connection cut) once the run has written
     * history, and started again: the run must end with an error (not hang, not an internal error),
     * and a rerun must finish it like a clean run.
     */
    public Trial restart(RestartableServer server, String name) throws Exception {
        ConnectionSettings db = server.create(name);
        Process child = start(db, "restart");
        long began = System.nanoTime();
        while (child.isAlive() && historyRows(db) == 0) {
            Thread.sleep(2);
        }
        Thread.sleep((long) (cleanMs * 0.3 * random.nextDouble()));
        boolean hit = child.isAlive();
        long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        server.restart();
        String failure = awaitEnd(child);
        String phase = hit ? whereItStopped(db) : "after the end";
        return new Trial("restart", at, phase, hit && !Fingerprint.safely(() -> fingerprint(db)).equals(expected),
                failure != null ? failure : rerunAndCompare(db));
    }

    /** Where a stopped run was: the release and phase of the file it had open or had done last. */
    static String whereItStopped(ConnectionSettings db) {
        String sql = "SELECT release_name, phase, outcome FROM bellows_schema_history WHERE file_name <> '' "
                + "ORDER BY started_at DESC, migration DESC";
        try (Connection c = connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return "before history";
            }
            return rs.getString(1) + "/" + rs.getString(2) + (rs.getString(3).equals("running") ? "" : " (between files)");
        } catch (SQLException noHistoryYet) {
            return "before history";
        }
    }

    String rerunAndCompare(ConnectionSettings db) throws Exception {
        Outcome rerun = run(db, "rerun");
        if (rerun.exit != 0) {
            return "the rerun exited with " + rerun.exit + ":\n" + rerun.log;
        }
        String got = fingerprint(db);
        return got.equals(expected) ? null : "after the rerun the state differs from a clean run's:\n" + got;
    }

    private String awaitEnd(Process child) throws Exception {
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            return "the run did not end in 120 s";
        }
        String out = Files.readString(logs.get(child));
        return out.contains("internal error") ? "the run reported an internal error:\n" + out : null;
    }

    private record Outcome(int exit, String log) {
    }

    private Outcome run(ConnectionSettings db, String name) throws Exception {
        Process p = start(db, name);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Outcome(-1, "did not end in 300 s");
        }
        return new Outcome(p.exitValue(), Files.readString(logs.get(p)));
    }


    /** A real {@code bellows upgrade --all-phases} in its own JVM; the password goes by environment. */
    private Process start(ConnectionSettings db, String name, String... extra) throws IOException {
        Path log = workDir.resolve(name + "-" + logs.size() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), BellowsCli.class.getName(), "upgrade", "--all-phases",
                "--url", db.url(), "--user", db.user(), "--location", location.toString()));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (db.password() != null && !db.password().isEmpty()) {
            pb.environment().put("BELLOWS_PASSWORD", db.password());
        }
        Process p = pb.start();
        logs.put(p, log);
        return p;
    }

    static Connection connect(ConnectionSettings db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password() == null ? "" : db.password());
    }

    static boolean isPostgres(ConnectionSettings db) {
        return db.url().startsWith("jdbc:postgresql:");
    }

    static int historyRows(ConnectionSettings db) {
        try (Connection c = connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM bellows_schema_history")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException noHistoryYet) {
            return 0;
        }
    }

    static int terminateSessions(ConnectionSettings db) throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) "
                     + "FROM pg_stat_activity WHERE application_name = 'bellows' AND datname = current_database() "
                     + "AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** What must equal a clean run's: schema, data (without timestamps and ids), history, INVALID indexes. */
    public static String fingerprint(ConnectionSettings db) throws SQLException {
        List<String> queries = isPostgres(db) ? List.of(
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
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            for (String q : queries) {
                try (ResultSet rs = st.executeQuery(q)) {
                    rs.next();
                    out.append(rs.getString(1)).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** A fingerprint, or a placeholder when the schema is too partial to take one. */
    interface Fingerprint {
        String take() throws SQLException;

        static String safely(Fingerprint f) {
            try {
                return f.take();
            } catch (SQLException partial) {
                return "partial: " + partial.getMessage();
            }
        }
    }

    /**
     * The MariaDB tree of the suite: 300 rows, columns and an index added in expand, a batched fill that
     * sleeps a little per row (so kills land in it), a column dropped in contract.
     */
    public static Path writeMariadbTree(Path root) throws IOException {
        StringBuilder rows = new StringBuilder("INSERT INTO items (id, name) VALUES ");
        for (int i = 1; i <= 300; i++) {
            rows.append(i == 1 ? "" : ", ").append("(").append(i).append(", 'item ").append(i).append("')");
        }
        write(root, "1.0/expand/001_items.sql", "CREATE TABLE items (id int PRIMARY KEY, name varchar(40) NOT NULL, "
                + "legacy varchar(10));\n" + rows + ";\n");
        write(root, "1.1/expand/001_code.sql", "ALTER TABLE items ADD COLUMN IF NOT EXISTS code varchar(20);\n"
                + "ALTER TABLE items ADD COLUMN IF NOT EXISTS done int NOT NULL DEFAULT 0;\n"
                + "CREATE INDEX IF NOT EXISTS items_code_idx ON items (code);\n");
        write(root, "1.1/migrate/001_fill.sql", "UPDATE items SET code = concat('C-', id), done = done + 1 "
                + "WHERE code IS NULL AND SLEEP(0.002) = 0 ORDER BY id LIMIT 10;\n");
        write(root, "1.1/contract/001_drop_legacy.sql", "ALTER TABLE items DROP COLUMN IF EXISTS legacy;\n");
        return root;
    }

    private static void write(Path root, String file, String sql) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, sql, StandardCharsets.UTF_8);
    }
}
