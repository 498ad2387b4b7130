package dev.bellows.run;

import dev.bellows.db.ConnectionSettings;
import dev.bellows.load.MigrationLoader;
import dev.bellows.model.Release;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock-queue problem: an open transaction holds a lock on a table; a DDL on that table must
 * time out and retry instead of queueing every later reader behind it.
 */
class LockContentionTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void blockedDdlRetriesAndNeverBlocksReadersLongerThanTheLockTimeout(TestDatabase db) throws Exception {
        boolean pg = Bookshop.postgres(db);
        // MariaDB's lock_wait_timeout has whole seconds, so its bound is 1 s.
        Duration lockTimeout = pg ? Duration.ofMillis(200) : Duration.ofSeconds(1);
        new MigrationTree(dir)
                .file("1.0", "expand", "001_t.sql", "CREATE TABLE hot (id int PRIMARY KEY, v int);\n"
                        + "INSERT INTO hot VALUES (1, 1), (2, 2);")
                .file("1.1", "expand", "001_add.sql", "ALTER TABLE hot ADD COLUMN extra int;");
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        RunOptions options = RunOptions.defaults().withLockTimeout(lockTimeout, 10, Duration.ofMillis(100))
                .withProgress(progress::add);
        Runner runner = new Runner(new ConnectionSettings(db.url(), db.user(), db.password()),
                MigrationLoader.load(dir, db.dialect().syntax()), options);
        runner.run(Command.EXPAND, Release.of("1.0"));

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong worstReadMillis = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        try (Connection holder = db.connect(); Statement hs = holder.createStatement()) {
            holder.setAutoCommit(false);
            hs.executeQuery("SELECT * FROM hot").close(); // an open transaction that read the table holds its lock
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                try (Connection c = db.connect(); Statement st = c.createStatement()) {
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        st.executeQuery("SELECT count(*) FROM hot").close();
                        worstReadMillis.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                        reads.incrementAndGet();
                        Thread.sleep(5);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            CompletableFuture<RunResult> ddl = CompletableFuture.supplyAsync(() -> runner.run(Command.EXPAND, null));
            long holdMillis = pg ? 1_500 : 3_500;
            Thread.sleep(holdMillis);
            assertThat(ddl).as("the DDL waits while the transaction is open").isNotDone();
            holder.commit();
            assertThat(ddl.get().filesApplied()).isEqualTo(1);
            stop.set(true);
            reader.get();
        }
        assertThat(progress).anyMatch(l -> l.contains("lock timeout on 001_add.sql") || l.contains("lock timeout on 1.1/expand/001_add.sql"));
        assertThat(reads.get()).isGreaterThan(10);
        long bound = lockTimeout.toMillis() + 400; // the timeout plus scheduling slack on a busy 2-core machine
        assertThat(worstReadMillis.get()).as("worst reader latency in ms (lock timeout %d ms)", lockTimeout.toMillis())
                .isLessThan(bound);
    }
}
