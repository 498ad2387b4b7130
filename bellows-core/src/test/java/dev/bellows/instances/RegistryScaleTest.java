package dev.bellows.instances;

import dev.bellows.Bellows;
import dev.bellows.BellowsConfig;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.db.Dialect;
import dev.bellows.model.Release;
import dev.bellows.run.RunOptions;
import dev.bellows.run.StatusReport;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 registered instances: the live query (what status, check and the contract gate run) and the whole
 * {@code Bellows.status()} stay fast.
 */
class RegistryScaleTest {

    private static final int INSTANCES = 1000;
    private static final int EXPIRED = 100;
    private static final int RUNS = 25;

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aThousandInstancesAnswerTheLiveQueryQuickly(TestDatabase db) throws Exception {
        InstanceRegistry registry = new InstanceRegistry(db.dialect());
        LiveInstancesGuard guard = new LiveInstancesGuard(registry);
        try (Connection c = db.connect()) {
            registry.createTable(c);
            fill(c, db.dialect());

            List<Instance> live = registry.live(c);
            assertThat(live).hasSize(INSTANCES - EXPIRED);
            assertThat(registry.all(c)).hasSize(INSTANCES);
            // releases 1.1 .. 1.10, 90 live instances each: contract(1.10) is blocked by the 810 older ones
            assertThat(guard.blockers(c, Release.of("1.10"))).hasSize(810);

            long[] liveMs = time(() -> registry.live(c));
            long[] gateMs = time(() -> guard.blockers(c, Release.of("1.10")));
            System.out.printf("[scale] %s, %d instances (%d expired): live() median %d ms, max %d ms; "
                            + "contract gate median %d ms, max %d ms (%d runs each)%n", db.kind(), INSTANCES, EXPIRED,
                    liveMs[RUNS / 2], liveMs[RUNS - 1], gateMs[RUNS / 2], gateMs[RUNS - 1], RUNS);
            // generous bounds for a loaded 2-core machine; typical numbers are far lower (see the report)
            assertThat(liveMs[RUNS / 2]).isLessThan(250);
            assertThat(gateMs[RUNS / 2]).isLessThan(250);

            assertThat(registry.prune(c)).isEqualTo(EXPIRED);
        }
    }

    /**
     * What {@code bellows status} (and {@code check}, the Maven goals) call: {@link Bellows#status()}, which reads
     * the migrations and the history, plans, runs the contract gate and counts the live instances per release,
     * against 1,000 registered instances and ten applied releases.
     */
    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void statusWithAThousandInstancesIsQuick(TestDatabase db, @TempDir Path dir) throws Exception {
        MigrationTree tree = new MigrationTree(dir);
        for (int r = 1; r <= 10; r++) {
            tree.file("1." + r, "expand", "001_t" + r + ".sql", "CREATE TABLE t" + r + " (id int PRIMARY KEY);");
            tree.file("1." + r, "contract", "001_c" + r + ".sql", "CREATE TABLE c" + r + " (id int PRIMARY KEY);");
        }
        Bellows bellows = new Bellows(new BellowsConfig(dir, new ConnectionSettings(db.url(), db.user(),
                db.password()), RunOptions.defaults()));
        for (int r = 1; r <= 10; r++) {
            if (r > 2) {
                bellows.contract(Release.of("1." + (r - 2))); // the schema serves two releases at a time
            }
            bellows.upgrade(Release.of("1." + r));
        }
        try (Connection c = db.connect()) {
            new InstanceRegistry(db.dialect()).createTable(c);
            fill(c, db.dialect());
        }

        StatusReport report = bellows.status();
        // contract(1.9) is next, blocked by the 720 live instances of 1.1 .. 1.8
        assertThat(report.next()).contains("contract --to 1.9");
        assertThat(report.contractBlockers()).hasSize(720);
        assertThat(report.liveInstances().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(INSTANCES - EXPIRED);
        assertThat(report.liveInstances()).hasSize(10).containsEntry("1.10", 90);

        long[] ms = time(bellows::status);
        System.out.printf("[scale] %s, %d instances (%d expired), 10 releases: Bellows.status() median %d ms, "
                + "max %d ms (%d runs)%n", db.kind(), INSTANCES, EXPIRED, ms[RUNS / 2], ms[RUNS - 1], RUNS);
        // generous bound for a loaded 2-core machine; each call opens its own connections
        assertThat(ms[RUNS / 2]).isLessThan(1000);
    }

    private static void fill(Connection c, Dialect d) throws Exception {
        String now = d.currentTimestamp();
        String sql = "INSERT INTO " + d.quote(InstanceRegistry.TABLE) + " (id, release_name, host, pid, started_at, "
                + "heartbeat_at, ttl_seconds, metadata) VALUES (?, ?, ?, ?, " + now + ", "
                + d.plusSeconds(now, "?") + ", 30, ?)";
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < INSTANCES; i++) {
                ps.setString(1, String.format("app-%04d", i));
                ps.setString(2, "1." + (i % 10 + 1));
                ps.setString(3, "node-" + i % 50 + ".example.internal");
                ps.setLong(4, 10_000 + i);
                ps.setInt(5, i < EXPIRED ? -120 : 0); // the first 100 last beat two minutes ago
                ps.setString(6, "{\"zone\":\"z" + i % 3 + "\"}");
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    @FunctionalInterface
    private interface Query {
        Object run() throws Exception;
    }

    private static long[] time(Query q) throws Exception {
        for (int i = 0; i < 3; i++) {
            q.run(); // warm up
        }
        long[] ms = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            q.run();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        return ms;
    }
}
