package dev.bellows.data;

import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Adaptive sizing and the back-off, on the engine directly, on both databases. */
class BatchEngineTest {

    final List<BatchEvent> events = new ArrayList<>();

    BatchEngine engine(TestDatabase db, Connection c, BatchOptions options) {
        return new BatchEngine(db.dialect(), options.withListener(events::add), transactions(c));
    }

    /** One transaction per batch, no retries. */
    static Transactions transactions(Connection c) {
        return new Transactions() {
            @Override
            public <T> T inTransaction(String what, Work<T> work) throws SQLException {
                c.setAutoCommit(false);
                try {
                    T t = work.run();
                    c.commit();
                    return t;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        };
    }

    /** A migration whose batches take 0.1 ms per row: 1,000 rows meet a 100 ms target. */
    static final class SleepPerRow implements DataMigration {
        final List<Integer> sizes = new ArrayList<>();
        final int batches;

        SleepPerRow(int batches) {
            this.batches = batches;
        }

        @Override
        public int migrateBatch(Connection c, int batchSize) {
            if (sizes.size() == batches) {
                return 0;
            }
            sizes.add(batchSize);
            try {
                Thread.sleep(batchSize / 10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return batchSize;
        }
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void fastBatchesGrowAndSlowBatchesShrinkTowardTheTargetDuration(TestDatabase db) throws Exception {
        BatchOptions options = BatchOptions.defaults().withTarget(Duration.ofMillis(100));
        try (Connection c = db.connect()) {
            BatchEngine fast = engine(db, c, options.withSizes(100, 10, 100_000));
            fast.prepare(c);
            SleepPerRow growing = new SleepPerRow(10);
            BatchRun run = fast.run(c, new BatchJob("t/fast", 1, "fast", new JavaWork(growing)), 1_000,
                    BatchRecorder.NONE);
            assertThat(run.finished()).isTrue();
            // The first batch may be slow (a cold connection); from then on the size at most doubles per batch.
            // It settles near 1,000 (100 ms of sleeping); the bounds allow for a loaded machine stretching sleeps.
            assertThat(growing.sizes.get(0)).isEqualTo(100);
            for (int i = 1; i < growing.sizes.size(); i++) {
                assertThat(growing.sizes.get(i)).isLessThanOrEqualTo(2 * growing.sizes.get(i - 1));
            }
            assertThat(growing.sizes.get(growing.sizes.size() - 1)).isBetween(500, 1_500);

            BatchEngine slow = engine(db, c, options.withSizes(8_000, 10, 100_000));
            SleepPerRow shrinking = new SleepPerRow(6);
            slow.run(c, new BatchJob("t/slow", 1, "slow", new JavaWork(shrinking)), 1_000, BatchRecorder.NONE);
            assertThat(shrinking.sizes.subList(0, 2)).containsExactly(8_000, 4_000);
            assertThat(shrinking.sizes.get(shrinking.sizes.size() - 1)).isBetween(500, 1_500);
        }
        assertThat(events).filteredOn(e -> e.kind() == BatchEvent.Kind.BATCH)
                .allSatisfy(e -> assertThat(e.rowsPerSecond()).isPositive());
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void theEngineBacksOffWhenAnotherSessionWaitsOnABatchsLocks(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE hot (id int PRIMARY KEY, n int NOT NULL)", "INSERT INTO hot VALUES (1, 0)");
        List<CompletableFuture<Void>> waiters = new ArrayList<>();
        DataMigration holdsTheRow = new DataMigration() {
            int calls;

            @Override
            public int migrateBatch(Connection c, int batchSize) throws SQLException {
                if (++calls > 2) {
                    return 0;
                }
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("UPDATE hot SET n = n + 1 WHERE id = 1");
                }
                if (calls == 1) {
                    // An application session now wants the same row and has to wait for the batch to commit.
                    waiters.add(CompletableFuture.runAsync(() -> {
                        try {
                            db.execute("UPDATE hot SET n = n + 100 WHERE id = 1");
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                    sleep(700);
                }
                return 1;
            }
        };
        try (Connection c = db.connect()) {
            BatchEngine engine = engine(db, c, BatchOptions.defaults().withSizes(1_000, 10, 10_000));
            engine.prepare(c);
            BatchRun run = engine.run(c, new BatchJob("t/hot", 1, "hot", new JavaWork(holdsTheRow)), 100,
                    BatchRecorder.NONE);
            assertThat(run.backoffs()).isEqualTo(1);
        }
        waiters.get(0).get(10, TimeUnit.SECONDS);
        assertThat(db.count("SELECT n FROM hot")).isEqualTo(102);
        BatchEvent backoff = events.stream().filter(e -> e.kind() == BatchEvent.Kind.BACKOFF).findFirst().orElseThrow();
        assertThat(backoff.lockWaiters()).isEqualTo(1);
        assertThat(backoff.batchSize()).isEqualTo(500);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
