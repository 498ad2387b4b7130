package dev.bellows.bench.lint;

import dev.bellows.embedded.EmbeddedPostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * How fast PostgreSQL gets through a table while it holds a lock: the rate behind the database-aware
 * lint's "estimated lock time" (lint --url / --stats). On a table of ROWS rows (default 2,000,000),
 * times a full rewrite (ALTER COLUMN … TYPE bigint), a validation scan (ADD CONSTRAINT … CHECK) and a
 * blocking index build, and prints each as MB of the table per second. Run:
 * {@code java -cp bellows-bench/target/bellows-bench-all.jar dev.bellows.bench.lint.LockRate [ROWS]}
 */
public final class LockRate {

    private LockRate() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start();
             Connection c = DriverManager.getConnection(pg.createDatabase("lockrate"), pg.user(), pg.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id int PRIMARY KEY, n int NOT NULL, note text)");
            st.execute("INSERT INTO t SELECT g, g % 1000, md5(g::text) || md5((g + 1)::text) FROM generate_series(1, "
                    + rows + ") g");
            st.execute("VACUUM ANALYZE t");
            long bytes = size(st);
            System.out.printf(Locale.ROOT, "PostgreSQL %s, %,d rows, table with indexes %.0f MB, %d cores, load %.2f%n",
                    pg.serverVersion(), rows, bytes / 1048576.0, Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            time(st, "scan    ADD CONSTRAINT … CHECK (validates every row)",
                    "ALTER TABLE t ADD CONSTRAINT t_n_check CHECK (n >= 0)", bytes);
            time(st, "index   CREATE INDEX (blocks writes)", "CREATE INDEX t_n ON t (n)", bytes);
            time(st, "rewrite ALTER COLUMN n TYPE bigint (table and indexes rewritten)",
                    "ALTER TABLE t ALTER COLUMN n TYPE bigint", bytes);
        }
    }

    private static long size(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT pg_total_relation_size('t')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void time(Statement st, String what, String sql, long bytes) throws Exception {
        long t0 = System.nanoTime();
        st.execute(sql);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%-66s %6.2f s  %6.0f MB/s%n", what, s, bytes / 1048576.0 / s);
    }
}
