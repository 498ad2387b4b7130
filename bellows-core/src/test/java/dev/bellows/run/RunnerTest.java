package dev.bellows.run;

import dev.bellows.RefusedException;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.history.AppliedMigration;
import dev.bellows.history.AppliedMigration.Outcome;
import dev.bellows.history.HistoryTable;
import dev.bellows.load.MigrationLoader;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunnerTest {

    @TempDir
    Path dir;

    final List<String> progress = new ArrayList<>();

    Runner runner(TestDatabase db, RunOptions options) {
        return new Runner(new ConnectionSettings(db.url(), db.user(), db.password()),
                MigrationLoader.load(dir, db.dialect().syntax()), options.withProgress(progress::add));
    }

    Runner runner(TestDatabase db) {
        return runner(db, RunOptions.defaults());
    }

    static Map<String, AppliedMigration> history(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return new HistoryTable(db.dialect()).read(c).stream()
                    .collect(Collectors.toMap(AppliedMigration::migration, Function.identity()));
        }
    }

    static boolean columnExists(TestDatabase db, String table, String column) throws Exception {
        return db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = '" + table
                + "' AND column_name = '" + column + "' AND table_schema = "
                + (Bookshop.postgres(db) ? "current_schema()" : "database()")) == 1;
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void fullCycleAppliesEveryPhaseInOrderAndRecordsHistory(TestDatabase db) throws Exception {
        Bookshop.write(new MigrationTree(dir), db);

        RunResult expand = runner(db).run(Command.EXPAND, Release.of("1.1"));
        assertThat(expand.filesApplied()).isEqualTo(3);
        assertThat(columnExists(db, "books", "isbn")).isTrue();
        assertThat(columnExists(db, "books", "stock")).as("1.2 is beyond --to").isFalse();

        runner(db).run(Command.MIGRATE, null);
        assertThat(db.count("SELECT count(*) FROM books WHERE isbn = concat('ISBN-', legacy_code)")).isEqualTo(45);

        runner(db).run(Command.CONTRACT, null);
        assertThat(columnExists(db, "books", "legacy_code")).isFalse();

        runner(db).run(Command.UPGRADE, null);
        assertThat(columnExists(db, "books", "stock")).isTrue();

        Map<String, AppliedMigration> rows = history(db);
        AppliedMigration backfill = rows.get("1.1/migrate/001_backfill_isbn.sql");
        assertThat(backfill.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(backfill.rowsAffected()).isEqualTo(45);
        assertThat(backfill.batches()).isEqualTo(5);
        assertThat(backfill.statementsDone()).isEqualTo(1);
        assertThat(rows.get("1.1/expand/002_isbn_index.sql").statementsDone()).isEqualTo(1);
        assertThat(rows.values()).filteredOn(r -> !r.isMarker())
                .allSatisfy(r -> {
                    assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
                    assertThat(r.appliedBy()).isNotBlank();
                    assertThat(r.durationMs()).isNotNull();
                });
        assertThat(rows).containsKeys("1.1/expand", "1.1/migrate", "1.1/contract", "1.2/expand");

        RunResult again = runner(db).run(Command.UPGRADE, null);
        assertThat(again.filesApplied()).isZero();
        StatusReport status = StatusReader.read(runner(db).state(), List.of());
        assertThat(status.next()).isEmpty();
        assertThat(status.releases().get(1).phases().get(Phase.MIGRATE).label()).isEqualTo("applied 1/1");
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void phaseOrderIsEnforcedAndARefusalAppliesNothing(TestDatabase db) throws Exception {
        Bookshop.write(new MigrationTree(dir), db);
        runner(db).run(Command.EXPAND, Release.of("1.0"));

        assertThatThrownBy(() -> runner(db).run(Command.MIGRATE, null)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("migrate 1.1 needs expand 1.1 first: run `bellows expand --to 1.1`");
        runner(db).run(Command.EXPAND, Release.of("1.1"));

        assertThatThrownBy(() -> runner(db).run(Command.CONTRACT, null)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("contract 1.1 needs migrate 1.1 to be complete first: run `bellows migrate");
        assertThat(columnExists(db, "books", "legacy_code")).isTrue();

        // expand 1.2 waits for migrate 1.1 (it may change what migrate 1.1 reads).
        assertThatThrownBy(() -> runner(db).run(Command.EXPAND, Release.of("1.2"))).isInstanceOf(RefusedException.class)
                .hasMessageContaining("expand 1.2 needs migrate 1.1 to be complete first");
        StatusReport status = StatusReader.read(runner(db).state(), List.of());
        assertThat(status.next()).contains("migrate --to 1.1");
        runner(db).run(Command.MIGRATE, Release.of("1.1"));

        // expand 1.2 is fine while 1.1 is not contracted (two releases at a time); expand 1.3 is not.
        new MigrationTree(dir).file("1.3", "expand", "001_x.sql", "CREATE TABLE t13 (id int);");
        assertThatThrownBy(() -> runner(db).run(Command.EXPAND, null)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("expand 1.3 needs contract 1.1 first")
                .hasMessageContaining("`bellows contract --to 1.1`");
        assertThat(columnExists(db, "books", "stock")).as("the refused command applied nothing, not even 1.2").isFalse();
        runner(db).run(Command.EXPAND, Release.of("1.2"));
        assertThat(columnExists(db, "books", "stock")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void editedAppliedFileIsRefusedUntilRepaired(TestDatabase db) throws Exception {
        MigrationTree tree = Bookshop.write(new MigrationTree(dir), db);
        runner(db).run(Command.EXPAND, Release.of("1.1"));
        String before = history(db).get("1.1/expand/001_add_isbn.sql").checksum();
        tree.file("1.1", "expand", "001_add_isbn.sql", "-- widened later\nALTER TABLE books ADD COLUMN isbn varchar(40);\n");

        assertThatThrownBy(() -> runner(db).run(Command.MIGRATE, null))
                .isInstanceOfSatisfying(ChecksumMismatchException.class, e -> {
                    assertThat(e.file()).endsWith("001_add_isbn.sql");
                    assertThat(e.appliedChecksum()).isEqualTo(before);
                    assertThat(e.currentChecksum()).isNotEqualTo(before).hasSize(64);
                    assertThat(e.exitCode()).isEqualTo(1);
                }).hasMessageContaining("bellows repair");
        assertThat(db.count("SELECT count(*) FROM books WHERE isbn IS NOT NULL")).isZero();

        List<String> repaired = runner(db).repair();
        assertThat(repaired).singleElement().asString().contains("001_add_isbn.sql");
        runner(db).run(Command.MIGRATE, null);
        assertThat(db.count("SELECT count(*) FROM books WHERE isbn IS NOT NULL")).isEqualTo(45);
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void deletedAppliedFileAndOutOfOrderFileAreRefused(TestDatabase db) throws Exception {
        MigrationTree tree = Bookshop.write(new MigrationTree(dir), db);
        runner(db).run(Command.UPGRADE, Release.of("1.1"));

        tree.file("1.1", "expand", "000_late.sql", "CREATE TABLE late (id int);");
        assertThatThrownBy(() -> runner(db).run(Command.CONTRACT, null)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("000_late.sql has no history row, but").hasMessageContaining("new release");
        tree.delete("1.1", "expand", "000_late.sql");

        tree.delete("1.1", "expand", "002_isbn_index.sql");
        assertThatThrownBy(() -> runner(db).run(Command.CONTRACT, null)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("history has 1.1/expand/002_isbn_index.sql applied, but there is no such file");
        assertThat(runner(db).repair()).singleElement().asString().contains("forgot 1.1/expand/002_isbn_index.sql");
        runner(db).run(Command.CONTRACT, null);
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aFailingStatementInAStatementByStatementFileResumesAfterTheFix(TestDatabase db) throws Exception {
        boolean pg = Bookshop.postgres(db);
        MigrationTree tree = new MigrationTree(dir);
        String index = pg ? "CREATE INDEX CONCURRENTLY " : "CREATE INDEX ";
        tree.file("1.0", "expand", "001_base.sql", "CREATE TABLE items (id int PRIMARY KEY, name varchar(20));");
        tree.file("1.0", "expand", "002_steps.sql",
                "CREATE TABLE marker (id int PRIMARY KEY);\n"
                        + "INSERT INTO marker VALUES (1);\n"
                        + index + "items_name_idx ON items (name);\n"
                        + index + "broken_idx ON no_such_table (x);\n");

        assertThatThrownBy(() -> runner(db).run(Command.EXPAND, null))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.file()).endsWith("002_steps.sql");
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.exitCode()).isEqualTo(3);
                }).hasMessageContaining("Statements 1-3 of this file were applied")
                .hasMessageContaining("continues with statement 4");
        AppliedMigration failed = history(db).get("1.0/expand/002_steps.sql");
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.statementsDone()).isEqualTo(3);

        tree.file("1.0", "expand", "002_steps.sql",
                "CREATE TABLE marker (id int PRIMARY KEY);\n"
                        + "INSERT INTO marker VALUES (1);\n"
                        + index + "items_name_idx ON items (name);\n"
                        + index + "marker_idx ON marker (id);\n");
        runner(db).run(Command.EXPAND, null);
        assertThat(db.count("SELECT count(*) FROM marker")).as("statements 1-3 did not run twice").isEqualTo(1);
        assertThat(history(db).get("1.0/expand/002_steps.sql").outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(progress).anyMatch(l -> l.contains("continuing after statement 3 of 4"));

        // Editing a statement that already ran is refused: Bellows cannot resume over changed history.
        tree.file("1.0", "expand", "003_more.sql", "CREATE TABLE m2 (id int);\n" + index + "bad2 ON nope (x);\n");
        assertThatThrownBy(() -> runner(db).run(Command.EXPAND, null)).isInstanceOf(MigrationFailedException.class);
        tree.file("1.0", "expand", "003_more.sql", "CREATE TABLE m2_renamed (id int);\n" + index + "ok2 ON m2 (id);\n");
        assertThatThrownBy(() -> runner(db).run(Command.EXPAND, null)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("statements 1-1 of this file already ran").hasMessageContaining("Restore them");
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void batchedMigrationStopsAtMaxBatchesAndARerunContinues(TestDatabase db) throws Exception {
        Bookshop.write(new MigrationTree(dir), db);
        runner(db).run(Command.EXPAND, Release.of("1.1"));

        assertThatThrownBy(() -> runner(db, RunOptions.defaults().withMaxBatches(2)).run(Command.MIGRATE, null))
                .isInstanceOf(RefusedException.class).hasMessageContaining("not finished, stopped after 2 batches");
        assertThat(db.count("SELECT count(*) FROM books WHERE isbn IS NOT NULL")).isEqualTo(20);
        AppliedMigration partial = history(db).get("1.1/migrate/001_backfill_isbn.sql");
        assertThat(partial.outcome()).isEqualTo(Outcome.RUNNING);
        assertThat(partial.rowsAffected()).isEqualTo(20);
        assertThatThrownBy(() -> runner(db).run(Command.CONTRACT, null)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("contract 1.1 needs migrate 1.1 to be complete");

        runner(db).run(Command.MIGRATE, null);
        AppliedMigration done = history(db).get("1.1/migrate/001_backfill_isbn.sql");
        assertThat(done.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(done.rowsAffected()).isEqualTo(45);
        assertThat(done.batches()).isEqualTo(5);
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void contractGuardRefusesAndForceIsRecorded(TestDatabase db) throws Exception {
        Bookshop.write(new MigrationTree(dir), db);
        runner(db).run(Command.UPGRADE, Release.of("1.1"));
        ContractGuard oldInstance = (c, target) -> List.of("instance web-1 on host-a runs release 1.0");

        assertThatThrownBy(() -> runner(db, RunOptions.defaults().withContractGuard(oldInstance, false))
                .run(Command.CONTRACT, null)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("instance web-1 on host-a runs release 1.0").hasMessageContaining("--force");
        assertThat(columnExists(db, "books", "legacy_code")).isTrue();

        runner(db, RunOptions.defaults().withContractGuard(oldInstance, true)).run(Command.CONTRACT, Release.of("1.1"));
        assertThat(columnExists(db, "books", "legacy_code")).isFalse();
        assertThat(history(db).get("1.1/contract").message()).startsWith("FORCED by ")
                .contains("instance web-1 on host-a runs release 1.0");
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void twoMigratorsAtOnceOnlyOneApplies(TestDatabase db) throws Exception {
        String sleep = Bookshop.postgres(db) ? "SELECT pg_sleep(2);" : "SELECT SLEEP(2);";
        new MigrationTree(dir).file("1.0", "expand", "001_slow.sql",
                "CREATE TABLE applied_once (id int PRIMARY KEY);\n" + sleep + "\nINSERT INTO applied_once VALUES (1);\n");
        RunOptions impatient = RunOptions.defaults().withLockWait(Duration.ofMillis(500));
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> runner(db, impatient).run(Command.EXPAND, null));
        String held = Bookshop.postgres(db)
                ? "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                : "SELECT count(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP%'";
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (db.count(held) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20); // until the first migrator holds the lock (and, on MariaDB, is inside the file)
        }
        assertThatThrownBy(() -> runner(db, impatient).run(Command.EXPAND, null)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("another Bellows migrator is running on this database (held by ");
        assertThat(first.get().filesApplied()).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM applied_once")).isEqualTo(1);
        // A patient second migrator waits, then finds nothing left to do.
        assertThat(runner(db).run(Command.EXPAND, null).filesApplied()).isZero();
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void runAllAppliesEveryPhaseReleaseByReleaseInOneSession(TestDatabase db) throws Exception {
        Bookshop.write(new MigrationTree(dir), db);
        new MigrationTree(dir).file("1.3", "expand", "001_t13.sql", "CREATE TABLE t13 (id int);");
        // A phase-major order would refuse expand 1.3 before contract 1.1; release by release does not.
        RunResult all = runner(db).runAll(null);
        assertThat(all.command()).isEqualTo("all");
        assertThat(all.filesApplied()).isEqualTo(7);
        assertThat(columnExists(db, "books", "legacy_code")).isFalse();
        assertThat(db.count("SELECT count(*) FROM books WHERE isbn IS NOT NULL")).isEqualTo(45);
        assertThat(history(db)).containsKeys("1.1/contract", "1.3/expand", "1.3/contract");
        assertThat(runner(db).runAll(null).filesApplied()).isZero();
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void repairForgetsTheCheckpointsOfADeletedKeyedMigration(TestDatabase db) throws Exception {
        MigrationTree tree = Bookshop.write(new MigrationTree(dir), db);
        tree.file("1.1", "migrate", "002_keyed.sql", "-- bellows:keyed table=books key=id\n"
                + "UPDATE books SET title = concat(title, '!') WHERE id >= :from AND id < :to AND title NOT LIKE '%!';");
        runner(db).run(Command.UPGRADE, Release.of("1.1"));
        assertThat(db.count("SELECT count(*) FROM bellows_batch_progress WHERE migration = '1.1/migrate/002_keyed.sql'"))
                .isPositive();
        tree.delete("1.1", "migrate", "002_keyed.sql");
        assertThat(runner(db).repair()).singleElement().asString().contains("forgot 1.1/migrate/002_keyed.sql");
        assertThat(db.count("SELECT count(*) FROM bellows_batch_progress WHERE migration = '1.1/migrate/002_keyed.sql'"))
                .isZero();
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void anUnknownReleaseIsAUsageErrorAndAReleaseDirectoryWithoutFilesIsKnown(TestDatabase db) throws Exception {
        MigrationTree tree = Bookshop.write(new MigrationTree(dir), db);
        assertThatThrownBy(() -> runner(db).run(Command.EXPAND, Release.of("9.9")))
                .isInstanceOfSatisfying(dev.bellows.ConfigurationException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("--to 9.9: there is no release 9.9").hasMessageContaining("1.0, 1.1, 1.2");
        assertThat(history(db)).isEmpty();
        // A release without schema changes: its directory with an empty phase directory.
        java.nio.file.Files.createDirectories(dir.resolve("1.3/expand"));
        java.nio.file.Files.writeString(dir.resolve("1.3/expand/.gitkeep"), "");
        runner(db).run(Command.UPGRADE, Release.of("1.3"));
        assertThat(history(db)).as("expand 1.3 must wait for contract 1.1, even without files")
                .doesNotContainKeys("1.3/expand", "1.3/migrate");
        runner(db).run(Command.CONTRACT, Release.of("1.1"));
        runner(db).run(Command.UPGRADE, Release.of("1.3"));
        assertThat(history(db)).containsKeys("1.3/expand", "1.3/migrate");
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aPhaseWithoutFilesIsNotMarkedCompleteBeforeItsTurn(TestDatabase db) throws Exception {
        MigrationTree tree = Bookshop.write(new MigrationTree(dir), db);
        tree.delete("1.1", "contract", "001_drop_legacy_code.sql");
        runner(db).run(Command.EXPAND, Release.of("1.1"));
        // contract 1.1 has nothing to run, but migrate 1.1 is pending: no marker may claim it is contracted.
        assertThat(runner(db).run(Command.CONTRACT, Release.of("1.1")).filesApplied()).isZero();
        assertThat(history(db)).doesNotContainKey("1.1/contract");
        runner(db).run(Command.MIGRATE, Release.of("1.1"));
        runner(db).run(Command.CONTRACT, Release.of("1.1"));
        assertThat(history(db)).containsKey("1.1/contract");
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aBadBatchStatementIsRefusedBeforeAnythingIsApplied(TestDatabase db) throws Exception {
        MigrationTree tree = Bookshop.write(new MigrationTree(dir), db);
        tree.file("1.1", "migrate", "002_half_keyed.sql", "UPDATE books SET title = title WHERE id >= :from;");
        assertThatThrownBy(() -> runner(db).run(Command.UPGRADE, Release.of("1.1")))
                .isInstanceOf(dev.bellows.ConfigurationException.class)
                .hasMessageContaining("002_half_keyed.sql").hasMessageContaining(":to");
        assertThat(history(db)).as("not even the expand files ran").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void statusNamesWhatToDoWhenFilesAndHistoryDisagree(TestDatabase db) throws Exception {
        MigrationTree tree = Bookshop.write(new MigrationTree(dir), db);
        runner(db).run(Command.UPGRADE, Release.of("1.1"));
        tree.file("1.1", "expand", "000_late.sql", "CREATE TABLE late (id int);");
        StatusReport outOfOrder = StatusReader.read(runner(db).state(), List.of());
        assertThat(outOfOrder.next()).contains("repair --applied 1.1/expand/000_late.sql");
        assertThat(outOfOrder.reason()).contains("000_late.sql has no history row");
        tree.delete("1.1", "expand", "000_late.sql");
        tree.file("1.1", "expand", "001_add_isbn.sql", "-- edited\nALTER TABLE books ADD COLUMN isbn varchar(40);\n");
        assertThat(StatusReader.read(runner(db).state(), List.of()).next()).contains("repair");
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aBatchedStatementEditedAfterItsBatchesBeganIsRefusedNotResumedOverDifferentSql(TestDatabase db) throws Exception {
        MigrationTree tree = Bookshop.write(new MigrationTree(dir), db);
        String keyed = "-- bellows:keyed table=books key=id\n"
                + "UPDATE books SET title = concat(title, '!') WHERE id >= :from AND id < :to AND title NOT LIKE '%!';";
        tree.file("1.1", "migrate", "002_keyed.sql", keyed);
        RunOptions small = RunOptions.defaults().withMaxBatches(6).withBatching(RunOptions.defaults().batching()
                .withSizes(5, 5, 5));
        runner(db).run(Command.EXPAND, Release.of("1.1"));
        assertThatThrownBy(() -> runner(db, small).run(Command.MIGRATE, Release.of("1.1")))
                .isInstanceOf(RefusedException.class).hasMessageContaining("not finished");
        tree.file("1.1", "migrate", "002_keyed.sql", keyed.replace("'!'", "'?'").replace("'%!'", "'%?'"));
        assertThatThrownBy(() -> runner(db).run(Command.MIGRATE, Release.of("1.1")))
                .isInstanceOf(RefusedException.class).hasMessageContaining("002_keyed.sql")
                .hasMessageContaining("edited after its batches began");
        tree.file("1.1", "migrate", "002_keyed.sql", keyed);
        runner(db).run(Command.MIGRATE, Release.of("1.1"));
        assertThat(db.count("SELECT count(*) FROM books WHERE title LIKE '%!'")).isEqualTo(45);
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void emptyAndCommentOnlyFilesAreRecordedAsNoOps(TestDatabase db) throws Exception {
        new MigrationTree(dir)
                .file("1.0", "expand", "001_create.sql", "CREATE TABLE shelves (id int PRIMARY KEY);")
                .file("1.0", "expand", "002_emptied.sql", "-- emptied in the old tool's history\n")
                .file("1.0", "migrate", "001_blank.sql", "  \n")
                .file("1.0", "contract", "001_empty.sql", "");
        runner(db).run(Command.UPGRADE, null);
        runner(db).run(Command.CONTRACT, null);
        Map<String, AppliedMigration> rows = history(db);
        for (String id : List.of("1.0/expand/002_emptied.sql", "1.0/migrate/001_blank.sql",
                "1.0/contract/001_empty.sql")) {
            assertThat(rows.get(id)).as(id).isNotNull();
            assertThat(rows.get(id).outcome()).as(id).isEqualTo(Outcome.SUCCESS);
        }
        assertThat(runner(db).run(Command.UPGRADE, null).filesApplied()).isZero();
    }
}
