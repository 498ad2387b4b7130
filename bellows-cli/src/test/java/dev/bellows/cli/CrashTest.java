package dev.bellows.cli;

import dev.bellows.testing.Databases;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 of the CLI in the middle of a slow batched migration; the rerun finishes it, nothing runs twice. */
class CrashTest {

    @TempDir
    Path dir;

    @Test
    void aKilledMigratorIsFinishedByTheNextRunAndNothingRunsTwice() throws Exception {
        TestDatabase db = Databases.postgres();
        new MigrationTree(dir)
                .file("1.0", "expand", "001_jobs.sql", "CREATE TABLE jobs (id int PRIMARY KEY, done boolean NOT NULL "
                        + "DEFAULT false, touched int NOT NULL DEFAULT 0);\n"
                        + "INSERT INTO jobs (id) SELECT g FROM generate_series(1, 40) g;")
                .file("1.0", "migrate", "001_slow_backfill.sql", "UPDATE jobs SET done = true, touched = touched + 1\n"
                        + "FROM (SELECT pg_sleep(0.25)) AS pause\n"
                        + "WHERE jobs.id IN (SELECT id FROM jobs WHERE NOT done ORDER BY id LIMIT 4);");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                BellowsCli.class.getName(), "upgrade", "--url", db.url(), "--user", db.user(),
                "--location", dir.toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (progressRows(db) < 8 && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(child.isAlive()).as("the child is still migrating when it is killed").isTrue();
        child.destroyForcibly(); // SIGKILL
        child.waitFor(10, TimeUnit.SECONDS);
        long doneAtKill = db.count("SELECT count(*) FROM jobs WHERE done");
        assertThat(doneAtKill).isBetween(8L, 36L);

        CliTest.Run rerun = CliTest.bellows(Map.of(), "upgrade", "--url", db.url(), "--user", db.user(),
                "--location", dir.toString());
        assertThat(rerun.exit()).as(rerun.err()).isZero();
        assertThat(db.count("SELECT count(*) FROM jobs WHERE done")).isEqualTo(40);
        assertThat(db.count("SELECT count(*) FROM jobs WHERE touched <> 1")).as("no row updated twice").isZero();
        assertThat(db.count("SELECT rows_affected FROM bellows_schema_history "
                + "WHERE migration = '1.0/migrate/001_slow_backfill.sql' AND outcome = 'success'")).isEqualTo(40);
        assertThat(db.count("SELECT count(*) FROM bellows_schema_history WHERE migration = '1.0/expand/001_jobs.sql'"))
                .isEqualTo(1);
    }

    private static long progressRows(TestDatabase db) {
        try {
            return db.count("SELECT coalesce(max(rows_affected), 0) FROM bellows_schema_history "
                    + "WHERE migration = '1.0/migrate/001_slow_backfill.sql'");
        } catch (Exception e) {
            return 0; // the history table does not exist yet
        }
    }

}
