package dev.bellows.legacy;

import dev.bellows.RefusedException;
import dev.bellows.history.AppliedMigration;
import dev.bellows.history.HistoryTable;
import dev.bellows.model.Release;
import dev.bellows.run.Command;
import dev.bellows.run.Plan;
import dev.bellows.run.SchemaState;
import dev.bellows.run.Runner;
import dev.bellows.run.UnknownSchemaException;
import dev.bellows.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Flyway history kept as Bellows' legacy history, run by the real Flyway, on PostgreSQL and MariaDB. */
class FlywayLegacyTest {

    @TempDir
    Path dir;

    final List<String> progress = new ArrayList<>();

    static Flyway flyway(TestDatabase db, Path folder, String target) {
        return Flyway.configure().dataSource(db.url(), db.user(), db.password())
                .locations("filesystem:" + folder).placeholders(LegacyProject.PLACEHOLDERS).target(target).load();
    }

    static Optional<AppliedMigration> baseline(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return new HistoryTable(db.dialect()).read(c).stream().filter(AppliedMigration::isBaseline).findFirst();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aFlywayMigratedDatabaseAndAFreshOneEndInTheSameSchema(TestDatabase db) throws Exception {
        LegacyProject project = new LegacyProject(dir);
        Path folder = project.flyway();
        LegacyConfig legacy = LegacyProject.flywayConfig(folder);

        // Production: migrated by Flyway over the years. Without legacy settings Bellows refuses it.
        flyway(db, folder, "latest").migrate();
        assertThatThrownBy(() -> project.runner(db, Optional.empty(), progress::add).run(Command.UPGRADE, null))
                .isInstanceOf(UnknownSchemaException.class)
                .hasMessageContaining("Flyway's history table flyway_schema_history (last applied: 2 (orders))")
                .hasMessageContaining("`bellows baseline --release R`");

        // With the legacy history: nothing pending for Flyway, baseline, then 1.1 phase by phase.
        Plan plan = project.runner(db, Optional.of(legacy), progress::add).plan(Command.UPGRADE, null);
        assertThat(plan.steps()).extracting(Object::toString).containsExactly("expand 1.1", "migrate 1.1");
        project.runner(db, Optional.of(legacy), progress::add).run(Command.EXPAND, null);
        assertThat(baseline(db)).hasValueSatisfying(b -> assertThat(b.release()).isEqualTo(Release.of("1.0")));
        project.runner(db, Optional.of(legacy), progress::add).run(Command.MIGRATE, null);
        project.runner(db, Optional.of(legacy), progress::add).run(Command.CONTRACT, null);

        // A fresh database (a laptop, CI): Flyway builds 1.0 from its files, then Bellows goes on.
        TestDatabase fresh = db.dialect().id().equals("postgresql") ? dev.bellows.testing.Databases.postgres()
                : dev.bellows.testing.Databases.mariadb();
        project.runner(fresh, Optional.of(legacy), progress::add).runAll(null);
        assertThat(progress).anyMatch(l -> l.startsWith("legacy Flyway: 3 pending migrations"));

        assertThat(LegacyProject.catalog(fresh)).isEqualTo(LegacyProject.catalog(db))
                .contains("customers.phone " + (db.dialect().id().equals("postgresql") ? "character varying" : "varchar")
                        + " default " + (db.dialect().id().equals("postgresql") ? "null" : "NULL") + " null YES")
                .noneMatch(c -> c.startsWith("customers.fax"))
                .anyMatch(c -> c.startsWith("view customer_emails"));
        for (TestDatabase d : List.of(db, fresh)) {
            assertThat(d.queryOne("SELECT val FROM app_settings WHERE name = 'mail_domain'")).isEqualTo("example.com");
            assertThat(d.count("SELECT count(*) FROM customers WHERE phone = 'unknown' AND email = 'someone@example.com'"))
                    .isEqualTo(3);
            assertThat(baseline(d)).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aLegacyHistoryBehindIsBroughtUpToDateByFlywayFirst(TestDatabase db) throws Exception {
        LegacyProject project = new LegacyProject(dir);
        Path folder = project.flyway();
        flyway(db, folder, "1").migrate();

        LegacyStatus before = LegacyEngines.open(LegacyProject.flywayConfig(folder),
                new dev.bellows.db.ConnectionSettings(db.url(), db.user(), db.password())).status();
        // Flyway runs repeatable migrations whatever the target: only V2 is behind.
        assertThat(before.pending()).containsExactly("orders/V2__orders.sql");
        assertThat(before.applied()).contains("V1__customers.sql", "R__customer_emails.sql");
        SchemaState assumed = project.runner(db, Optional.of(LegacyProject.flywayConfig(folder)), progress::add).state();
        assertThat(assumed.baseline()).contains(Release.of("1.0"));

        project.runner(db, Optional.of(LegacyProject.flywayConfig(folder)), progress::add).run(Command.UPGRADE, null);
        assertThat(db.count("SELECT count(*) FROM flyway_schema_history WHERE success = TRUE")).isGreaterThanOrEqualTo(3);
        assertThat(db.count("SELECT count(*) FROM orders")).isZero();
        assertThat(db.count("SELECT count(*) FROM customers WHERE phone = 'unknown'")).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aHandMadeDatabaseIsRefusedByStatusAndPlanAsByUpgradeWhenALegacyHistoryIsConfigured(TestDatabase db)
            throws Exception {
        LegacyProject project = new LegacyProject(dir);
        LegacyConfig legacy = LegacyProject.flywayConfig(project.flyway());
        db.execute("CREATE TABLE customers (id int PRIMARY KEY, email varchar(100))");
        Runner runner = project.runner(db, Optional.of(legacy), progress::add);
        assertThatThrownBy(runner::state).isInstanceOf(UnknownSchemaException.class)
                .hasMessageContaining("customers").hasMessageContaining("`bellows baseline --release R`");
        assertThatThrownBy(() -> runner.plan(Command.UPGRADE, null)).isInstanceOf(UnknownSchemaException.class);
        assertThatThrownBy(() -> runner.run(Command.UPGRADE, null)).isInstanceOf(UnknownSchemaException.class);
        String here = db.dialect().id().equals("postgresql") ? "current_schema()" : "database()";
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = " + here
                + " AND table_name IN ('flyway_schema_history', 'bellows_schema_history')")).as("nothing created")
                .isZero();
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aFailedOrEditedLegacyEntryStopsTheRun(TestDatabase db) throws Exception {
        LegacyProject project = new LegacyProject(dir);
        Path folder = project.flyway();
        LegacyProject.write(folder.resolve("V3__broken.sql"), "ALTER TABLE no_such_table ADD COLUMN x int;\n");
        LegacyConfig legacy = LegacyProject.flywayConfig(folder);

        assertThatThrownBy(() -> project.runner(db, Optional.of(legacy), progress::add).run(Command.UPGRADE, null))
                .isInstanceOf(RefusedException.class).hasMessageContaining("V3__broken.sql");
        assertThat(baseline(db)).isEmpty();
        assertThat(RunnerColumns.exists(db, "customers", "phone")).isFalse();

        // Fixed: Flyway's repair removes a failed row where the database keeps one (MariaDB: no transactional DDL).
        LegacyProject.write(folder.resolve("V3__broken.sql"), "CREATE TABLE audit (id int PRIMARY KEY);\n");
        flyway(db, folder, "latest").repair();
        project.runner(db, Optional.of(legacy), progress::add).run(Command.UPGRADE, null);
        assertThat(baseline(db)).isPresent();

        // An applied legacy file edited afterwards: named, nothing run.
        Files.writeString(folder.resolve("V1__customers.sql"), "-- edited\n" + Files.readString(folder.resolve("V1__customers.sql")));
        assertThatThrownBy(() -> project.runner(db, Optional.of(legacy), progress::add).run(Command.CONTRACT, null))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("an entry edited after it was applied: V1__customers.sql");
        assertThat(RunnerColumns.exists(db, "customers", "fax")).isTrue();
    }
}
