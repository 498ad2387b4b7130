package dev.bellows.data;

import dev.bellows.RefusedException;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.load.JavaMigrations;
import dev.bellows.load.MigrationLoader;
import dev.bellows.model.Migration;
import dev.bellows.model.MigrationSet;
import dev.bellows.run.Command;
import dev.bellows.run.RunOptions;
import dev.bellows.run.Runner;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keyed batches, Java data migrations and the contract gate, run through the runner on both databases. */
class DataMigrationTest {

    static final String FIXTURES = "dev.bellows.data.fixtures.jobs";

    @TempDir
    Path dir;

    final List<BatchEvent> events = new ArrayList<>();

    static String jobsTable(TestDatabase db, int rows) {
        return "CREATE TABLE jobs (id int PRIMARY KEY, done boolean NOT NULL DEFAULT false, "
                + "touched int NOT NULL DEFAULT 0);\n"
                + "CREATE TABLE visits (lo bigint NOT NULL, hi bigint NOT NULL, n int NOT NULL);\n"
                + "INSERT INTO jobs (id) VALUES " + values(rows) + ";\n";
    }

    /** Ids 1..rows without the multiples of 10: the key range has holes. */
    static String values(int rows) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= rows; i++) {
            if (i % 10 != 0 || i == rows) {
                sb.append(sb.length() == 0 ? "" : ", ").append('(').append(i).append(')');
            }
        }
        return sb.toString();
    }

    Runner runner(TestDatabase db, MigrationSet set, RunOptions options) {
        return new Runner(new ConnectionSettings(db.url(), db.user(), db.password()), set,
                options.withBatching(options.batching().withListener(events::add)));
    }

    MigrationSet load(TestDatabase db, String javaPackage) {
        return MigrationLoader.load(dir, db.dialect().syntax(), javaPackage == null ? JavaMigrations.none()
                : new JavaMigrations(getClass().getClassLoader(), javaPackage));
    }

    static RunOptions fixedSize(int size) {
        RunOptions d = RunOptions.defaults();
        return d.withBatching(d.batching().withSizes(size, size, size));
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void keyedBatchesVisitEachKeyRangeOnceAcrossAnInterruptedRun(TestDatabase db) throws Exception {
        new MigrationTree(dir)
                .file("1.0", "expand", "001_jobs.sql", jobsTable(db, 100))
                .file("1.0", "migrate", "001_keyed.sql", "-- bellows:keyed table=jobs key=id\n"
                        + "INSERT INTO visits (lo, hi, n) SELECT :from, :to, count(*) FROM jobs "
                        + "WHERE id >= :from AND id < :to;\n"
                        + "UPDATE jobs SET touched = touched + 1 WHERE id >= :from AND id < :to;\n")
                .file("1.0", "contract", "001_drop.sql", "DROP TABLE visits;\n");
        MigrationSet set = load(db, null);
        runner(db, set, fixedSize(7)).run(Command.EXPAND, null);

        assertThatThrownBy(() -> runner(db, set, fixedSize(7).withMaxBatches(5)).run(Command.MIGRATE, null))
                .isInstanceOf(RefusedException.class).hasMessageContaining("stopped after 5 batches");
        assertThatThrownBy(() -> runner(db, set, fixedSize(7)).run(Command.CONTRACT, null))
                .isInstanceOf(RefusedException.class).hasMessageContaining("contract 1.0 needs migrate 1.0");
        assertThat(db.count("SELECT count(*) FROM visits")).isEqualTo(5);

        runner(db, set, fixedSize(7)).run(Command.MIGRATE, null);
        List<long[]> visits = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT lo, hi, n FROM visits ORDER BY lo")) {
            while (rs.next()) {
                visits.add(new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)});
            }
        }
        assertThat(visits).hasSize(15); // [1, 101) in spans of 7
        assertThat(visits.get(0)[0]).isEqualTo(1);
        assertThat(visits.get(visits.size() - 1)[1]).isEqualTo(101);
        for (int i = 1; i < visits.size(); i++) {
            assertThat(visits.get(i)[0]).as("ranges are contiguous and disjoint").isEqualTo(visits.get(i - 1)[1]);
        }
        assertThat(visits.stream().mapToLong(v -> v[2]).sum()).isEqualTo(91);
        assertThat(db.count("SELECT count(*) FROM jobs WHERE touched <> 1")).as("each row updated once").isZero();
        assertThat(db.count("SELECT rows_affected FROM bellows_schema_history "
                + "WHERE migration = '1.0/migrate/001_keyed.sql'")).isEqualTo(15 + 91);
        assertThat(db.count("SELECT next_key FROM bellows_batch_progress WHERE statement_no = 2")).isEqualTo(101);
        assertThat(events).anyMatch(e -> e.kind() == BatchEvent.Kind.START && e.batches() == 5);

        runner(db, set, fixedSize(7)).run(Command.CONTRACT, null);
        assertThat(db.count("SELECT count(*) FROM bellows_schema_history WHERE migration = '1.0/contract'"))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aJavaDataMigrationIsFoundByConventionAndRunsAfterTheSqlFilesOfItsPhase(TestDatabase db) throws Exception {
        new MigrationTree(dir)
                .file("1.0", "expand", "001_jobs.sql", jobsTable(db, 250))
                .file("1.0", "migrate", "001_touch_first.sql",
                        "UPDATE jobs SET touched = touched + 10 WHERE id >= :from AND id < :to;\n")
                .file("1.0", "contract", "001_drop.sql", "DROP TABLE visits;\n");
        assertThat(load(db, null).migrations()).as("nothing Java without the package").hasSize(3);
        MigrationSet set = load(db, FIXTURES);
        List<Migration> migrate = set.of(dev.bellows.model.Release.of("1.0"), dev.bellows.model.Phase.MIGRATE);
        assertThat(migrate).extracting(Migration::id)
                .containsExactly("1.0/migrate/001_touch_first.sql", "1.0/migrate/M002_MarkJobsDone");
        assertThat(migrate.get(1).isJava()).isTrue();

        runner(db, set, RunOptions.defaults().withBatching(RunOptions.defaults().batching().withSizes(50, 10, 50)))
                .run(Command.UPGRADE, null);
        assertThat(db.count("SELECT count(*) FROM jobs WHERE done AND touched = 11")).isEqualTo(226);
        assertThat(db.count("SELECT rows_affected FROM bellows_schema_history "
                + "WHERE migration = '1.0/migrate/M002_MarkJobsDone' AND outcome = 'success'")).isEqualTo(226);
        assertThat(events).filteredOn(e -> e.migration().endsWith("M002_MarkJobsDone")
                && e.kind() == BatchEvent.Kind.BATCH).allSatisfy(e -> assertThat(e.fraction()).isBetween(0.0, 1.0));

        runner(db, set, RunOptions.defaults()).run(Command.CONTRACT, null);
        assertThat(runner(db, set, RunOptions.defaults()).run(Command.UPGRADE, null).filesApplied()).isZero();
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aRepeatedStatementTakesItsLimitFromTheAdaptedBatchSize(TestDatabase db) throws Exception {
        boolean pg = db.dialect().id().equals("postgresql");
        new MigrationTree(dir)
                .file("1.0", "expand", "001_jobs.sql", jobsTable(db, 100))
                .file("1.0", "migrate", "001_mark_done.sql", pg
                        ? "UPDATE jobs SET done = true WHERE id IN "
                        + "(SELECT id FROM jobs WHERE NOT done ORDER BY id LIMIT :batch_size);\n"
                        : "UPDATE jobs SET done = true WHERE NOT done ORDER BY id LIMIT :batch_size;\n");
        MigrationSet set = load(db, null);
        runner(db, set, fixedSize(30)).run(Command.UPGRADE, null);
        assertThat(db.count("SELECT count(*) FROM jobs WHERE NOT done")).isZero();
        assertThat(db.count("SELECT batches FROM bellows_schema_history WHERE migration = '1.0/migrate/001_mark_done.sql'"))
                .as("91 rows in batches of 30").isEqualTo(4);
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aBatchStatementThatCannotRunIsRefusedNamingItsFileAndLine(TestDatabase db) throws Exception {
        new MigrationTree(dir)
                .file("1.0", "expand", "001_jobs.sql", jobsTable(db, 10))
                .file("1.0", "migrate", "001_half_keyed.sql", "-- only one bound\n"
                        + "UPDATE jobs SET touched = 1 WHERE id >= :from;\n");
        MigrationSet set = load(db, null);
        runner(db, set, RunOptions.defaults()).run(Command.EXPAND, null);
        assertThatThrownBy(() -> runner(db, set, RunOptions.defaults()).run(Command.MIGRATE, null))
                .isInstanceOf(BatchDefinitionException.class)
                .hasMessageContaining("001_half_keyed.sql:2: keyed batch statement uses :from but not :to")
                .satisfies(e -> assertThat(((BatchDefinitionException) e).exitCode()).isEqualTo(2));
        assertThat(db.count("SELECT count(*) FROM jobs WHERE touched = 1")).isZero();
    }
}
