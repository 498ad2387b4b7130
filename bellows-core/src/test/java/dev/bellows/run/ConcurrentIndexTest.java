package dev.bellows.run;

import dev.bellows.RefusedException;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.load.MigrationLoader;
import dev.bellows.model.Release;
import dev.bellows.testing.Databases;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Concurrent index builds and the lock timeout: a build waits for older transactions (which block no
 * application query) without the timeout; a build that fails says what it left; no history row stays
 * {@code running} after a run that gave up.
 */
class ConcurrentIndexTest {

    @TempDir
    Path dir;

    final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    Runner runner(TestDatabase db, Duration lockTimeout, int retries) {
        return new Runner(new ConnectionSettings(db.url(), db.user(), db.password()),
                MigrationLoader.load(dir, db.dialect().syntax()),
                RunOptions.defaults().withLockTimeout(lockTimeout, retries, Duration.ofMillis(50))
                        .withProgress(progress::add));
    }

    static String row(TestDatabase db, String migration) throws Exception {
        return (String) db.queryOne("SELECT outcome FROM bellows_schema_history WHERE migration = '" + migration + "'");
    }

    @Test
    void aConcurrentBuildWaitsForAnOlderTransactionOnAnotherTableInsteadOfTimingOut() throws Exception {
        TestDatabase db = Databases.postgres();
        new MigrationTree(dir)
                .file("1.0", "expand", "001_t.sql", "CREATE TABLE books (id int PRIMARY KEY, isbn text);\n"
                        + "CREATE TABLE report (id int);\nINSERT INTO books SELECT n, 'i' || n FROM generate_series(1, 100) n;")
                .file("1.1", "expand", "001_idx.sql", "CREATE INDEX CONCURRENTLY books_isbn_idx ON books (isbn);");
        runner(db, Duration.ofMillis(200), 2).run(Command.EXPAND, Release.of("1.0"));

        // A report (like pg_dump: one snapshot) on another table, open for 2 s: ten times the lock timeout.
        try (Connection report = db.connect(); Statement st = report.createStatement()) {
            report.setAutoCommit(false);
            st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            st.executeQuery("SELECT count(*) FROM report").close();
            Thread closer = new Thread(() -> {
                try {
                    Thread.sleep(2000);
                    report.commit();
                } catch (Exception ignored) {
                    // the assertions below fail if the report never ends
                }
            });
            closer.start();
            long t0 = System.nanoTime();
            runner(db, Duration.ofMillis(200), 2).run(Command.EXPAND, null);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("it waited for the report")
                    .isGreaterThan(Duration.ofMillis(1500));
            closer.join();
        }
        assertThat(db.count("SELECT count(*) FROM pg_index WHERE indexrelid = 'books_isbn_idx'::regclass "
                + "AND indisvalid")).isEqualTo(1);
        assertThat(row(db, "1.1/expand/001_idx.sql")).isEqualTo("success");
        assertThat(progress).noneMatch(l -> l.contains("lock timeout on"))
                .anyMatch(l -> l.contains("001_idx.sql:1  waiting") && l.contains("transaction open"));
    }

    @Test
    void aFailedConcurrentBuildDropsTheInvalidIndexItLeftAndSaysSo() throws Exception {
        TestDatabase db = Databases.postgres();
        new MigrationTree(dir)
                .file("1.0", "expand", "001_t.sql", "CREATE TABLE books (id int PRIMARY KEY, isbn text);\n"
                        + "INSERT INTO books VALUES (1, 'same'), (2, 'same');")
                .file("1.1", "expand", "001_idx.sql",
                        "CREATE UNIQUE INDEX CONCURRENTLY books_isbn_key ON books (isbn);");
        runner(db, Duration.ofMillis(200), 2).run(Command.EXPAND, Release.of("1.0"));

        assertThatThrownBy(() -> runner(db, Duration.ofMillis(200), 2).run(Command.EXPAND, null))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("could not create unique index")
                .hasMessageContaining("The INVALID index \"books_isbn_key\" that the failed build left behind was "
                        + "dropped");
        assertThat(db.count("SELECT count(*) FROM pg_class WHERE relname = 'books_isbn_key'")).isZero();
        assertThat(row(db, "1.1/expand/001_idx.sql")).isEqualTo("failed");
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aRunThatGivesUpOnItsLocksLeavesNoRowRunning(TestDatabase db) throws Exception {
        boolean pg = Bookshop.postgres(db);
        new MigrationTree(dir)
                .file("1.0", "expand", "001_t.sql", "CREATE TABLE hot (id int PRIMARY KEY);")
                // Statement by statement on both (VACUUM cannot run in a transaction; MariaDB DDL never does).
                .file("1.1", "expand", "001_steps.sql", pg ? "VACUUM hot;" : "CREATE INDEX hot_id_idx ON hot (id);");
        Duration timeout = pg ? Duration.ofMillis(100) : Duration.ofSeconds(1);
        runner(db, timeout, 2).run(Command.EXPAND, Release.of("1.0"));
        try (Connection holder = db.connect(); Statement hs = holder.createStatement()) {
            holder.setAutoCommit(false);
            hs.execute(pg ? "LOCK TABLE hot IN SHARE UPDATE EXCLUSIVE MODE" : "SELECT * FROM hot");
            assertThatThrownBy(() -> runner(db, timeout, 2).run(Command.EXPAND, null))
                    .isInstanceOf(RefusedException.class).hasMessageContaining("001_steps.sql:1")
                    .hasMessageContaining("could not get its locks")
                    .hasMessageContaining("No statement of this file was applied");
            holder.rollback();
        }
        assertThat(row(db, "1.1/expand/001_steps.sql")).isEqualTo("failed");
        runner(db, timeout, 2).run(Command.EXPAND, null);
        assertThat(row(db, "1.1/expand/001_steps.sql")).isEqualTo("success");
    }

    @Test
    void aLostConnectionNamesTheRealCauseAndTheNextRunSaysWhatTheInterruptedRunLeft() throws Exception {
        TestDatabase db = Databases.postgres();
        new MigrationTree(dir)
                .file("1.0", "expand", "001_t.sql", "CREATE TABLE jobs (id int PRIMARY KEY, done boolean NOT NULL "
                        + "DEFAULT false);\nINSERT INTO jobs (id) SELECT g FROM generate_series(1, 40) g;")
                .file("1.0", "migrate", "001_slow.sql", "UPDATE jobs SET done = true FROM (SELECT pg_sleep(0.2)) AS p "
                        + "WHERE jobs.id IN (SELECT id FROM jobs WHERE NOT done ORDER BY id LIMIT 4);");
        runner(db, Duration.ofMillis(500), 2).run(Command.EXPAND, null);
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(1_000);
                db.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'bellows' "
                        + "AND datname = current_database()");
            } catch (Exception ignored) {
                // the assertions below fail if the session was not ended
            }
        });
        killer.start();
        assertThatThrownBy(() -> runner(db, Duration.ofMillis(500), 2).run(Command.MIGRATE, null))
                .hasMessageContaining("terminating connection due to administrator command");
        killer.join();
        assertThat(row(db, "1.0/migrate/001_slow.sql")).isEqualTo("running");

        progress.clear();
        runner(db, Duration.ofMillis(500), 2).run(Command.MIGRATE, null);
        assertThat(progress).anyMatch(l -> l.contains("001_slow.sql  an earlier run was interrupted here")
                && l.contains("rows changed in"));
        assertThat(db.count("SELECT count(*) FROM jobs WHERE done")).isEqualTo(40);
        assertThat(row(db, "1.0/migrate/001_slow.sql")).isEqualTo("success");
    }
}
