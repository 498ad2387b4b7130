package dev.bellows.run;

import dev.bellows.RefusedException;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.history.AppliedMigration;
import dev.bellows.load.MigrationLoader;
import dev.bellows.model.Release;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Taking over a database that something else built: the refusal without history, and {@code baseline}. */
class AdoptionTest {

    @TempDir
    Path dir;

    final List<String> progress = new ArrayList<>();

    Runner runner(TestDatabase db) {
        return new Runner(new ConnectionSettings(db.url(), db.user(), db.password()),
                MigrationLoader.load(dir, db.dialect().syntax()), RunOptions.defaults().withProgress(progress::add));
    }

    /** A schema built by hand at "release 1.0", and the files of 1.0 (which must never run again) and 1.1. */
    void handMadeSchema(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE customers (id int PRIMARY KEY, email varchar(200) NOT NULL)",
                "CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL)");
        new MigrationTree(dir)
                .file("1.0", "expand", "001_customers.sql", "CREATE TABLE customers (id int PRIMARY KEY);\n")
                .file("1.1", "expand", "001_phone.sql", "ALTER TABLE customers ADD COLUMN phone varchar(40);\n")
                .file("1.1", "contract", "001_drop_orders.sql", "DROP TABLE orders;\n");
    }

    boolean historyExists(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return db.dialect().tableExists(c, "bellows_schema_history");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void tablesWithoutHistoryAreRefusedBeforeAnythingIsTouched(TestDatabase db) throws Exception {
        handMadeSchema(db);

        for (Runnable attempt : List.<Runnable>of(() -> runner(db).run(Command.UPGRADE, null),
                () -> runner(db).plan(Command.EXPAND, null), () -> runner(db).state(), () -> runner(db).repair())) {
            assertThatThrownBy(attempt::run).isInstanceOf(UnknownSchemaException.class)
                    .hasMessageContaining("customers, orders")
                    .hasMessageContaining("`bellows baseline --release R`")
                    .satisfies(e -> assertThat(((UnknownSchemaException) e).foreign()).isEmpty());
        }
        assertThat(historyExists(db)).as("nothing created").isFalse();
        assertThat(RunnerTest.columnExists(db, "customers", "phone")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void theRefusalNamesAnotherToolsHistoryAndItsLastVersion(TestDatabase db) throws Exception {
        handMadeSchema(db);
        // The columns golang-migrate creates; Flyway's and Liquibase's tables are made by the real engines in
        // bellows-legacy's tests.
        db.execute("CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)",
                "INSERT INTO schema_migrations VALUES (20240105120000, false)");

        assertThatThrownBy(() -> runner(db).run(Command.EXPAND, null)).isInstanceOf(UnknownSchemaException.class)
                .hasMessageContaining("golang-migrate (or dbmate)'s history table schema_migrations "
                        + "(last applied: 20240105120000)")
                .satisfies(e -> assertThat(((UnknownSchemaException) e).foreign().orElseThrow().table())
                        .isEqualTo("schema_migrations"));
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void baselineTakesOverAndOnlyLaterReleasesRun(TestDatabase db) throws Exception {
        handMadeSchema(db);

        String done = runner(db).baseline(Release.of("1.0"));
        assertThat(done).contains("baseline 1.0 recorded by");

        SchemaState state = runner(db).state();
        assertThat(state.baseline()).contains(Release.of("1.0"));
        AppliedMigration row = state.baselineRow().orElseThrow();
        assertThat(row.appliedBy()).isEqualTo(System.getProperty("user.name"));
        assertThat(row.host()).isNotBlank();
        assertThat(row.startedAt()).isNotNull();
        StatusReport status = StatusReader.read(state, List.of());
        assertThat(status.baseline()).hasValueSatisfying(b -> assertThat(b).startsWith("1.0 (every release"));
        assertThat(status.releases().get(0).phases().get(dev.bellows.model.Phase.EXPAND).label())
                .isEqualTo("applied 1/1");
        assertThat(status.next()).contains("expand --to 1.1");

        // 1.0's file would fail ("customers" exists): it must not run.
        runner(db).run(Command.UPGRADE, null);
        assertThat(RunnerTest.columnExists(db, "customers", "phone")).isTrue();
        runner(db).run(Command.CONTRACT, null);
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'orders' AND "
                + "table_schema = " + (Bookshop.postgres(db) ? "current_schema()" : "database()"))).isZero();
        assertThat(RunnerTest.history(db)).doesNotContainKey("1.0/expand/001_customers.sql");

        assertThatThrownBy(() -> runner(db).baseline(Release.of("1.1"))).isInstanceOf(RefusedException.class)
                .hasMessageContaining("already has Bellows history (a baseline at 1.0");
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void baselineIsRefusedWhereBellowsAlreadyRan(TestDatabase db) throws Exception {
        new MigrationTree(dir).file("1.0", "expand", "001_t.sql", "CREATE TABLE t (id int PRIMARY KEY);\n");
        runner(db).run(Command.EXPAND, null);

        assertThatThrownBy(() -> runner(db).baseline(Release.of("2.0"))).isInstanceOf(RefusedException.class)
                .hasMessageContaining("already has Bellows history (2 history rows, the last 1.0/expand in bellows_schema_history)");
        assertThat(runner(db).state().baseline()).isEmpty();
    }
}
