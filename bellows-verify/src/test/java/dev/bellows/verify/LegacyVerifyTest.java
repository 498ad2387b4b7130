package dev.bellows.verify;

import dev.bellows.db.ConnectionSettings;
import dev.bellows.db.PostgresDialect;
import dev.bellows.legacy.LegacyConfig;
import dev.bellows.legacy.LegacyEngines;
import dev.bellows.model.Finding;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Release;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * verify of a project with a legacy history: the real Flyway (or Liquibase) builds the shadow's schema, as it builds
 * every fresh database, and only Bellows' releases after legacy.release run and are judged.
 */
class LegacyVerifyTest {

    @TempDir
    Path dir;

    /** A Flyway folder: a placeholder, a subfolder, a repeatable view over customers.email. */
    private LegacyConfig flyway() throws IOException {
        Path folder = dir.resolve("flyway");
        write(folder.resolve("V1__customers.sql"), "CREATE TABLE customers (id int PRIMARY KEY, "
                + "email varchar(200) DEFAULT 'someone@${mail_domain}', fax varchar(40));\n");
        write(folder.resolve("orders/V2__orders.sql"), "CREATE TABLE orders (id int PRIMARY KEY, customer_id int);\n");
        write(folder.resolve("R__customer_emails.sql"), "CREATE OR REPLACE VIEW customer_emails AS "
                + "SELECT id, email FROM customers;\n");
        return new LegacyConfig(LegacyConfig.FLYWAY, folder.toString(), Release.of("1.0"),
                Map.of("mail_domain", "example.com"));
    }

    /** Bellows' releases after the legacy history; 1.0 is a stale copy of it that must never run. */
    private MigrationTree bellows() {
        return new MigrationTree(dir.resolve("db"))
                .file("1.0/expand/001_customers.sql", "CREATE TABLE customers (id int PRIMARY KEY);")
                .file("1.1/expand/001_phone.sql", "ALTER TABLE customers ADD COLUMN phone varchar(40);")
                .file("1.1/contract/001_drop_fax.sql", "ALTER TABLE customers DROP COLUMN fax;");
    }

    private static VerifyOptions shadow() {
        TestDatabase shadow = Databases.postgres();
        return VerifyOptions.defaults(new PostgresDialect())
                .withShadow(ShadowSpec.url(shadow.url(), shadow.user(), shadow.password()));
    }

    @Test
    void flywayBuildsTheShadowAndAContractDropThatOnlyItsHistoryMakesUnsafeIsFound() throws Exception {
        LegacyConfig legacy = flyway();
        MigrationSet set = bellows().load();

        // The Bellows files alone cannot be verified: release 1.0 is not what Flyway built.
        VerifyReport alone = Verifier.verify(set, shadow());
        assertThat(alone.findings()).anyMatch(f -> f.file().endsWith("001_drop_fax.sql"));

        VerifyReport built = Verifier.verify(set, shadow().withLegacy(Optional.of(legacy)));
        assertThat(built.failed()).as("findings: " + built.findings()).isFalse();
        assertThat(built.notes()).anyMatch(n -> n.startsWith("legacy Flyway history (" + legacy.location()
                + ") built the shadow's schema") && n.contains("3 migrations") && n.contains("(not run: 1.0)"));
        assertThat(built.migrations()).extracting(o -> o.migration().release().name()).containsOnly("1.1");

        // 1.2's contract drops a column that only Flyway's files created, and Flyway's repeatable view still reads.
        MigrationSet next = bellows().file("1.2/contract/001_drop_email.sql", "ALTER TABLE customers DROP COLUMN email;")
                .load();
        VerifyReport found = Verifier.verify(next, shadow().withLegacy(Optional.of(legacy)));
        assertThat(found.failed()).isTrue();
        assertThat(found.findings()).filteredOn(f -> !f.waived())
                .anySatisfy(f -> {
                    assertThat(f.file()).endsWith("001_drop_email.sql");
                    assertThat(f.message()).contains("customer_emails");
                });
    }

    @Test
    void theLegacyReleasesQueryManifestIsProvedAgainstTheFirstBellowsRollout() throws Exception {
        LegacyConfig legacy = flyway();
        Path queries = dir.resolve("queries");
        write(queries.resolve("1.0.sql"), """
                -- sent 3 | params INTEGER
                SELECT email, fax FROM customers WHERE id = ?;
                """);
        MigrationSet set = new MigrationTree(dir.resolve("db"))
                .file("1.1/expand/001_fax_text.sql", "ALTER TABLE customers RENAME COLUMN fax TO fax_number;")
                .load();
        VerifyReport r = Verifier.verify(set, shadow().withLegacy(Optional.of(legacy))
                .withQueries(dev.bellows.queries.QueryManifests.load(queries, true,
                        dev.bellows.sql.SqlSyntax.POSTGRESQL)));
        assertThat(r.findings("verify-query-fails")).singleElement().satisfies(f -> {
            assertThat(f.file()).endsWith("1.0.sql");
            assertThat(f.message()).contains("release 1.0 sends", "after expand 1.1", "fax");
        });
    }

    @Test
    void sinceAfterTheLegacyReleaseStillBuildsButDoesNotJudge() throws Exception {
        LegacyConfig legacy = flyway();
        MigrationSet set = bellows()
                .file("1.1/expand/002_drop_orders_customer.sql", "ALTER TABLE orders DROP COLUMN customer_id;")
                .file("1.2/expand/001_drop_phone.sql", "ALTER TABLE customers DROP COLUMN phone;")
                .load();
        VerifyReport r = Verifier.verify(set, shadow().withLegacy(Optional.of(legacy)).withSince(Release.of("1.1")));
        assertThat(r.findings()).filteredOn(f -> !f.waived()).extracting(Finding::file)
                .allMatch(f -> f.endsWith("001_drop_phone.sql")).isNotEmpty();
    }

    @Test
    void aLiveDatabaseMigratedByTheLegacyEngineIsJudgedAfterLegacyRelease() throws Exception {
        LegacyConfig legacy = flyway();
        TestDatabase live = Databases.postgres();
        LegacyEngines.open(legacy, new ConnectionSettings(live.url(), live.user(), live.password())).migrate(l -> { });

        MigrationSet set = bellows().file("1.2/contract/001_drop_email.sql", "ALTER TABLE customers DROP COLUMN email;")
                .load();
        VerifyReport r = Verifier.verify(set, shadow().withLegacy(Optional.of(legacy))
                .withSchemaFrom(SchemaSource.of(live.url(), live.user(), live.password())));
        assertThat(r.notes()).anyMatch(n -> n.contains("has no Bellows history; with legacy.release 1.0 the releases "
                + "after it are verified: 1.1, 1.2 (3 files)"));
        assertThat(r.findings()).anyMatch(f -> f.file().endsWith("001_drop_email.sql")
                && f.message().contains("customer_emails"));
    }

    @Test
    void liquibaseBuildsTheShadowToo() throws Exception {
        Path changelog = dir.resolve("liquibase/changelog.xml");
        write(changelog, """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                      http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                  <changeSet id="1" author="team">
                    <sql>CREATE TABLE customers (id int PRIMARY KEY, email varchar(200), fax varchar(40))</sql>
                    <sql>CREATE VIEW customer_emails AS SELECT id, email FROM customers</sql>
                  </changeSet>
                </databaseChangeLog>
                """);
        LegacyConfig legacy = new LegacyConfig(LegacyConfig.LIQUIBASE, changelog.toString(), Release.of("1.0"), Map.of());
        MigrationSet set = bellows().file("1.2/contract/001_drop_email.sql", "ALTER TABLE customers DROP COLUMN email;")
                .load();
        VerifyReport r = Verifier.verify(set, shadow().withLegacy(Optional.of(legacy)));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("legacy Liquibase history") && n.contains("1 migration ("));
        assertThat(r.findings()).filteredOn(f -> !f.waived()).extracting(Finding::file)
                .isNotEmpty().allMatch(f -> f.endsWith("001_drop_email.sql"));
    }

    @Test
    void seedsOfTheLegacyReleaseAndGeneratedRowsFollowTheLegacyHistory() throws Exception {
        LegacyConfig legacy = flyway();
        Path seed = dir.resolve("seed.sql");
        write(seed, "INSERT INTO customers (id, email) VALUES (1, NULL);\n");
        MigrationSet required = new MigrationTree(dir.resolve("required"))
                .file("1.1/expand/001_email_required.sql", "ALTER TABLE customers ALTER COLUMN email SET NOT NULL;")
                .load();
        VerifyReport seeded = Verifier.verify(required, shadow().withLegacy(Optional.of(legacy))
                .withSeeds(java.util.List.of(new Seed(Release.of("1.0"), seed))));
        assertThat(seeded.findings()).anyMatch(f -> f.file().endsWith("001_email_required.sql")
                && f.message().contains("contains null values"));

        MigrationSet check = new MigrationTree(dir.resolve("check"))
                .file("1.1/expand/001_check.sql", "ALTER TABLE customers ADD CONSTRAINT no_rows CHECK (id < 0);")
                .load();
        VerifyReport rows = Verifier.verify(check, shadow().withLegacy(Optional.of(legacy)).withRows(20));
        assertThat(rows.notes()).anyMatch(n -> n.startsWith("--rows: ") && n.contains("001_check.sql")
                && n.contains("failed on the generated rows"));
    }

    @Test
    void flywayBuildsAMariaDbShadowToo() throws Exception {
        LegacyConfig legacy = flyway();
        MigrationSet set = new MigrationTree(dir.resolve("mysql"))
                .file("1.1/expand/001_phone.sql", "ALTER TABLE customers ADD COLUMN phone varchar(40);")
                .file("1.1/expand/002_drop_fax.sql", "ALTER TABLE customers DROP COLUMN fax;")
                .load(dev.bellows.sql.SqlSyntax.MYSQL);
        TestDatabase shadow = Databases.mariadb();
        VerifyReport r = Verifier.verify(set, VerifyOptions.defaults(new dev.bellows.db.MySqlDialect())
                .withShadow(ShadowSpec.url(shadow.url(), shadow.user(), shadow.password()))
                .withLegacy(Optional.of(legacy)));
        assertThat(r.server()).startsWith("MariaDB");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("legacy Flyway history") && n.contains("3 migrations"));
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::file)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("verify-dropped-column",
                        set.migrations().get(1).displayPath()));
        assertThat((String) shadow.queryOne("SELECT column_default FROM information_schema.columns WHERE "
                + "table_schema = database() AND table_name = 'customers' AND column_name = 'email'"))
                .contains("someone@example.com");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
