package dev.bellows.bench.apply;

import dev.bellows.Bellows;
import dev.bellows.BellowsConfig;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.embedded.EmbeddedPostgresServer;
import dev.bellows.run.RunOptions;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Apply benchmark: the same 300 mixed migrations ({@link MixedMigrations}) applied to a fresh
 * database of one embedded PostgreSQL by Bellows and by Flyway, in the same JVM. Bellows applies
 * them with {@code Bellows.applyAll}: release by release, expand, migrate and contract of one release
 * before the next (contract R must precede expand R+2), in one session under one lock. Flyway
 * applies all with one {@code migrate()}. One warm-up run each, then ROUNDS (default 7) rounds in
 * alternating order; medians reported. Timed: from the tool's entry call to its return, database
 * creation excluded. Two corpora of the same 300 files: spread over 30 releases and over 3 releases.
 *
 * <p>Run: {@code java -cp bellows-bench/target/bellows-bench-all.jar dev.bellows.bench.apply.ApplyBenchmark [ROUNDS]}
 */
public final class ApplyBenchmark {

    private ApplyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start()) {
            say("PostgreSQL %s, Flyway %s, %d cores, Java %s", pg.serverVersion(), flywayVersion(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            for (int releases : new int[]{30, 3}) {
                scenario(pg, new MixedMigrations(releases), rounds);
            }
        }
    }

    private static void scenario(EmbeddedPostgresServer pg, MixedMigrations corpus, int rounds) throws Exception {
        Path bellowsDir = corpus.writeBellows(Files.createTempDirectory("apply-bellows-"));
        Path flywayDir = corpus.writeFlyway(Files.createTempDirectory("apply-flyway-"));
        say("");
        say("== %d migrations in %d releases (Bellows: one applyAll, Flyway: one migrate)",
                corpus.files().size(), corpus.releases());
        Tool bellows = () -> {
            ConnectionSettings s = fresh(pg, "b" + dbCounter++);
            long t0 = System.nanoTime();
            Bellows b = new Bellows(new BellowsConfig(bellowsDir, s, RunOptions.defaults()));
            b.applyAll(null);
            long nanos = System.nanoTime() - t0;
            verify(s, "bellows_schema_history", "outcome = 'success'", corpus);
            return nanos;
        };
        Tool flyway = () -> {
            ConnectionSettings s = fresh(pg, "f" + dbCounter++);
            long t0 = System.nanoTime();
            Flyway.configure().dataSource(s.url(), s.user(), s.password())
                    .locations("filesystem:" + flywayDir).load().migrate();
            long nanos = System.nanoTime() - t0;
            verify(s, "flyway_schema_history", "success", corpus);
            return nanos;
        };
        say("warm-up: Bellows %.2f s, Flyway %.2f s", bellows.run() / 1e9, flyway.run() / 1e9);
        List<Long> b = new ArrayList<>();
        List<Long> f = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            if (i % 2 == 0) {
                b.add(bellows.run());
                f.add(flyway.run());
            } else {
                f.add(flyway.run());
                b.add(bellows.run());
            }
            say("round %d: Bellows %.2f s, Flyway %.2f s", i + 1, b.get(i) / 1e9, f.get(i) / 1e9);
        }
        double mb = median(b) / 1e9;
        double mf = median(f) / 1e9;
        say("");
        say("median Bellows %.2f s, Flyway %.2f s; time ratio Bellows/Flyway %.2f (target <= 0.80)", mb, mf,
                mb / mf);
    }

    private static int dbCounter;

    interface Tool {
        long run() throws Exception;
    }

    private static ConnectionSettings fresh(EmbeddedPostgresServer pg, String name) {
        return new ConnectionSettings(pg.createDatabase(name), pg.user(), pg.password());
    }

    /** Every migration must have been applied successfully, or the timing means nothing. */
    private static void verify(ConnectionSettings s, String history, String success, MixedMigrations corpus)
            throws Exception {
        try (Connection c = s.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + history + " WHERE " + success
                     + " AND (SELECT count(*) FROM t" + MixedMigrations.UNITS + " WHERE c = a * 2) = 200")) {
            rs.next();
            long n = rs.getLong(1);
            if (n < corpus.files().size()) {
                throw new IllegalStateException(history + ": only " + n + " successful rows");
            }
        }
    }

    private static String flywayVersion() {
        Package p = Flyway.class.getPackage();
        return p.getImplementationVersion() != null ? p.getImplementationVersion() : "13.12.1";
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
