package dev.bellows.legacy;

import dev.bellows.RefusedException;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.run.Command;
import dev.bellows.run.UnknownSchemaException;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Liquibase changelog kept as Bellows' legacy history, run by the real Liquibase 4.33, on PostgreSQL and MariaDB. */
class LiquibaseLegacyTest {

    @TempDir
    Path dir;

    final List<String> progress = new ArrayList<>();

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aLiquibaseMigratedDatabaseAndAFreshOneEndInTheSameSchema(TestDatabase db) throws Exception {
        LegacyProject project = new LegacyProject(dir);
        Path changelog = project.liquibase();
        LegacyConfig legacy = LegacyProject.liquibaseConfig(changelog);
        boolean pg = db.dialect().id().equals("postgresql");

        // Production: migrated by Liquibase itself (only its first change set so far).
        LegacyHistory engine = LegacyEngines.open(legacy, new ConnectionSettings(db.url(), db.user(), db.password()));
        assertThat(engine.status().pending()).containsExactly("1 (team)", "2 (team)", "3 (team)");
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE lower(table_name) = 'databasechangelog' "
                + "AND table_schema = " + (pg ? "current_schema()" : "database()"))).as("a look creates nothing").isZero();
        Files.writeString(changelog, Files.readString(changelog)
                .replaceAll("(?s)<changeSet id=\"2\".*(?=</databaseChangeLog>)", ""));
        engine.migrate(progress::add);
        assertThatThrownBy(() -> project.runner(db, Optional.empty(), progress::add).state())
                .isInstanceOf(UnknownSchemaException.class)
                .hasMessageContaining("Liquibase's history table " + (pg ? "databasechangelog" : "DATABASECHANGELOG")
                        + " (last applied: 1 (")
                .hasMessageContaining("legacy.liquibase");
        project.liquibase();

        // Liquibase brings it up to date (change set 2), baseline 1.0, then 1.1's phases.
        assertThat(engine.status().pending()).containsExactly("2 (team)", "3 (team)");
        project.runner(db, Optional.of(legacy), progress::add).runAll(null);

        TestDatabase fresh = pg ? Databases.postgres() : Databases.mariadb();
        project.runner(fresh, Optional.of(legacy), progress::add).runAll(null);
        assertThat(LegacyProject.catalog(fresh)).isEqualTo(LegacyProject.catalog(db))
                .contains(pg ? "customers.phone character varying default null null YES"
                        : "customers.phone varchar default NULL null YES")
                .anyMatch(c -> c.startsWith("orders.customer_id"))
                .anyMatch(c -> c.startsWith("orders.total"))
                .noneMatch(c -> c.startsWith("customers.fax"));
        assertThat(fresh.count("SELECT count(*) FROM customers WHERE email = 'someone@example.com' AND phone = 'unknown'"))
                .isEqualTo(3);

        // A change set edited after it ran stops the next run, named.
        Files.writeString(changelog, Files.readString(changelog).replace("(1), (2), (3)", "(1), (2)"));
        assertThatThrownBy(() -> project.runner(db, Optional.of(legacy), progress::add).run(Command.UPGRADE, null))
                .isInstanceOf(RefusedException.class).hasMessageContaining("edited after it was applied")
                .hasMessageContaining("changelog.xml::1::team");
    }
}
