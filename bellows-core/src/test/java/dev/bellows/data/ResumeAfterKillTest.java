package dev.bellows.data;

import dev.bellows.db.ConnectionSettings;
import dev.bellows.load.JavaMigrations;
import dev.bellows.load.MigrationLoader;
import dev.bellows.run.Command;
import dev.bellows.run.RunOptions;
import dev.bellows.run.Runner;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 of a migrator in the middle of a keyed backfill; the rerun continues at the stored key. */
class ResumeAfterKillTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aKilledKeyedBackfillContinuesAtItsCheckpointAndTouchesEveryRowOnce(TestDatabase db) throws Exception {
        boolean pg = db.dialect().id().equals("postgresql");
        // Each batch of 5 keys takes about 100 ms: PostgreSQL sleeps once per batch, MariaDB 20 ms per row.
        String slowBatch = pg
                ? "UPDATE jobs SET touched = touched + 1 FROM (SELECT pg_sleep(0.1)) AS pause "
                + "WHERE jobs.id >= :from AND jobs.id < :to;\n"
                : "UPDATE jobs SET touched = touched + 1 WHERE id >= :from AND id < :to AND SLEEP(0.02) = 0;\n";
        new MigrationTree(dir)
                .file("1.0", "expand", "001_jobs.sql", DataMigrationTest.jobsTable(db, 200))
                .file("1.0", "migrate", "001_slow_keyed.sql", "-- bellows:keyed table=jobs key=id\n" + slowBatch);
        ConnectionSettings settings = new ConnectionSettings(db.url(), db.user(), db.password());
        new Runner(settings, MigrationLoader.load(dir, db.dialect().syntax(), JavaMigrations.none()),
                RunOptions.defaults()).run(Command.EXPAND, null);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                MigrateChild.class.getName(), db.url(), db.user(), db.password() == null ? "" : db.password(),
                dir.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (checkpointBatches(db) < 8 && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("the child is still migrating when it is killed").isTrue();
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the client
        child.waitFor(10, TimeUnit.SECONDS);
        long batchesAtKill = checkpointBatches(db);
        long nextKeyAtKill = db.count("SELECT next_key FROM bellows_batch_progress");
        assertThat(batchesAtKill).isBetween(8L, 39L);
        assertThat(db.count("SELECT count(*) FROM jobs WHERE touched = 1 AND id < " + nextKeyAtKill))
                .as("every row below the checkpoint is done").isEqualTo(db.count("SELECT count(*) FROM jobs WHERE id < "
                        + nextKeyAtKill));

        RunOptions d = RunOptions.defaults();
        new Runner(settings, MigrationLoader.load(dir, db.dialect().syntax(), JavaMigrations.none()),
                d.withBatching(d.batching().withSizes(5, 5, 5))).run(Command.MIGRATE, null);
        assertThat(db.count("SELECT count(*) FROM jobs WHERE touched <> 1")).as("each row updated exactly once").isZero();
        assertThat(checkpointBatches(db)).as("40 ranges of 5 keys in both runs together").isEqualTo(40);
        assertThat(db.count("SELECT rows_affected FROM bellows_schema_history "
                + "WHERE migration = '1.0/migrate/001_slow_keyed.sql' AND outcome = 'success'")).isEqualTo(181);
    }

    private static long checkpointBatches(TestDatabase db) {
        try {
            return db.count("SELECT coalesce(max(batches), 0) FROM bellows_batch_progress");
        } catch (Exception e) {
            return 0; // not created yet
        }
    }
}
