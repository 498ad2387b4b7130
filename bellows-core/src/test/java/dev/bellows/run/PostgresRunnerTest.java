package dev.bellows.run;

import dev.bellows.db.ConnectionSettings;
import dev.bellows.history.AppliedMigration.Outcome;
import dev.bellows.history.HistoryTable;
import dev.bellows.load.MigrationLoader;
import dev.bellows.testing.Databases;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runner behaviour that only PostgreSQL has: transactional DDL and concurrent index builds. */
class PostgresRunnerTest {

    @TempDir
    Path dir;

    final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    Runner runner(TestDatabase db) {
        return new Runner(new ConnectionSettings(db.url(), db.user(), db.password()),
                MigrationLoader.load(dir, db.dialect().syntax()), RunOptions.defaults().withProgress(progress::add));
    }

    @Test
    void aFailingStatementInATransactionalFileLeavesNothingOfThatFile() throws Exception {
        TestDatabase db = Databases.postgres();
        MigrationTree tree = new MigrationTree(dir);
        tree.file("1.0", "expand", "001_ok.sql", "CREATE TABLE first_file (id int);");
        tree.file("1.0", "expand", "002_fails.sql",
                "CREATE TABLE half (id int);\nINSERT INTO half VALUES (1);\nALTER TABLE no_such_table ADD COLUMN x int;\n");

        assertThatThrownBy(() -> runner(db).run(Command.EXPAND, null))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("002_fails.sql:3:1: statement failed")
                .hasMessageContaining("Nothing of this file was applied");
        assertThat(db.count("SELECT count(*) FROM pg_tables WHERE tablename = 'half'")).isZero();
        assertThat(db.count("SELECT count(*) FROM pg_tables WHERE tablename = 'first_file'")).isEqualTo(1);
        try (Connection c = db.connect()) {
            var rows = new HistoryTable(db.dialect()).read(c);
            assertThat(rows).filteredOn(r -> r.migration().equals("1.0/expand/002_fails.sql"))
                    .singleElement().satisfies(r -> {
                        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
                        assertThat(r.statementsDone()).isZero();
                        assertThat(r.message()).contains("no_such_table");
                    });
        }

        tree.file("1.0", "expand", "002_fails.sql",
                "CREATE TABLE half (id int);\nINSERT INTO half VALUES (1);\nALTER TABLE half ADD COLUMN x int;\n");
        runner(db).run(Command.EXPAND, null);
        assertThat(db.count("SELECT count(*) FROM half")).isEqualTo(1);
    }

    @Test
    void anInvalidIndexLeftByAFailedConcurrentBuildIsDroppedBeforeTheRetry() throws Exception {
        TestDatabase db = Databases.postgres();
        MigrationTree tree = new MigrationTree(dir);
        tree.file("1.0", "expand", "001_t.sql", "CREATE TABLE t (a int);\nINSERT INTO t VALUES (1), (1), (2);");
        tree.file("1.1", "expand", "001_unique.sql", "CREATE UNIQUE INDEX CONCURRENTLY t_a_key ON t (a);");

        assertThatThrownBy(() -> runner(db).run(Command.EXPAND, null)).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("could not create unique index")
                .hasMessageContaining("The INVALID index \"t_a_key\" that the failed build left behind was dropped");
        assertThat(db.queryOne("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "WHERE c.relname = 't_a_key'")).as("PostgreSQL's INVALID index was dropped").isNull();

        db.execute("DELETE FROM t WHERE a = 1");
        runner(db).run(Command.EXPAND, null);
        assertThat(db.queryOne("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "WHERE c.relname = 't_a_key'")).isEqualTo(true);
    }

    @Test
    void aValidIndexFromAnInterruptedRunIsNotBuiltAgain() throws Exception {
        TestDatabase db = Databases.postgres();
        MigrationTree tree = new MigrationTree(dir);
        tree.file("1.0", "expand", "001_t.sql", "CREATE TABLE t (a int);");
        tree.file("1.1", "expand", "001_idx.sql", "CREATE INDEX CONCURRENTLY t_a_idx ON t (a);");
        runner(db).run(Command.EXPAND, dev.bellows.model.Release.of("1.0"));
        // As if a run built the index and died before recording it:
        db.execute("CREATE INDEX t_a_idx ON t (a)");
        runner(db).run(Command.EXPAND, null);
        assertThat(progress).anyMatch(l -> l.contains("already completed by an interrupted run"));
    }

    @Test
    void aConcurrentIndexBuildWaitsForAnOpenWriterWithoutTheLockTimeout() throws Exception {
        TestDatabase db = Databases.postgres();
        MigrationTree tree = new MigrationTree(dir);
        tree.file("1.0", "expand", "001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, v int);\nINSERT INTO t VALUES (1, 1);");
        tree.file("1.1", "expand", "001_idx.sql", "CREATE INDEX CONCURRENTLY t_v_idx ON t (v);");
        runner(db).run(Command.EXPAND, dev.bellows.model.Release.of("1.0"));
        RunOptions options = RunOptions.defaults().withLockTimeout(java.time.Duration.ofMillis(200), 20,
                java.time.Duration.ofMillis(100)).withProgress(progress::add);
        Runner runner = new Runner(new ConnectionSettings(db.url(), db.user(), db.password()),
                MigrationLoader.load(dir, db.dialect().syntax()), options);
        try (Connection writer = db.connect(); var st = writer.createStatement()) {
            writer.setAutoCommit(false);
            st.executeUpdate("UPDATE t SET v = 2 WHERE id = 1"); // CIC waits for this transaction
            var build = java.util.concurrent.CompletableFuture.supplyAsync(() -> runner.run(Command.EXPAND, null));
            Thread.sleep(2_500);
            writer.commit();
            assertThat(build.get().filesApplied()).isEqualTo(1);
        }
        // Its waits for older transactions block no application query: no lock timeout, no retry, reported.
        assertThat(progress).noneMatch(l -> l.contains("lock timeout on 001_idx.sql"))
                .anyMatch(l -> l.contains("001_idx.sql:1  waiting") && l.contains("UPDATE t SET v = 2"));
        assertThat(db.queryOne("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "WHERE c.relname = 't_v_idx'")).isEqualTo(true);
    }
}
