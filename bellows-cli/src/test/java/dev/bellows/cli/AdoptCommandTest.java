package dev.bellows.cli;

import dev.bellows.testing.Databases;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.bellows.cli.CliTest.args;
import static dev.bellows.cli.CliTest.bellows;
import static dev.bellows.cli.CliTest.connection;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code bellows baseline}, the refusal of a database without history, and a legacy Flyway history, end to end. */
class AdoptCommandTest {

    @TempDir
    Path dir;

    @Test
    void aHandMadeDatabaseIsRefusedUntilItIsBaselined() throws Exception {
        TestDatabase db = Databases.postgres();
        db.execute("CREATE TABLE customers (id int PRIMARY KEY)");
        Path location = dir.resolve("db/migrations");
        new MigrationTree(location).file("1.1", "expand", "001_phone.sql",
                "ALTER TABLE customers ADD COLUMN phone varchar(40);\n");

        for (String command : new String[]{"status", "check", "plan", "upgrade", "expand"}) {
            CliTest.Run r = bellows(args(connection(db, location), command));
            assertThat(r.exit()).as(command).isEqualTo(1);
            assertThat(r.err()).as(command).contains("already has tables (customers)")
                    .contains("`bellows baseline --release R`");
        }
        assertThat(db.count("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'bellows%'")).isZero();

        CliTest.Run baseline = bellows(args(connection(db, location), "baseline", "--release", "1.0"));
        assertThat(baseline.exit()).as(baseline.err()).isZero();
        assertThat(baseline.out()).contains("baseline 1.0 recorded by");
        CliTest.Run again = bellows(args(connection(db, location), "baseline", "--release", "1.0"));
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("baseline refused: this database already has Bellows history");

        CliTest.Run status = bellows(args(connection(db, location), "status"));
        assertThat(status.out()).contains("baseline: 1.0 (every release up to it taken over as applied on")
                .contains("next: bellows expand --to 1.1");
        assertThat(bellows(args(connection(db, location), "upgrade")).exit()).isZero();
        assertThat(bellows(args(connection(db, location), "status", "--format", "json")).out())
                .contains("\"baseline\" : \"1.0 (every release");
    }

    @Test
    void aLegacyFlywayHistoryFromBellowsYamlBuildsAFreshDatabase() throws Exception {
        TestDatabase db = Databases.postgres();
        Path flyway = dir.resolve("flyway");
        Files.createDirectories(flyway.resolve("sub"));
        Files.writeString(flyway.resolve("V1__customers.sql"),
                "CREATE TABLE customers (id int PRIMARY KEY, email varchar(200) DEFAULT 'x@${mail_domain}');\n");
        Files.writeString(flyway.resolve("sub/V2__seed.sql"), "INSERT INTO customers (id) VALUES (1);\n");
        Path location = dir.resolve("db/migrations");
        new MigrationTree(location).file("1.1", "expand", "001_phone.sql",
                "ALTER TABLE customers ADD COLUMN phone varchar(40);\n"
                        + "ALTER TABLE customers ADD COLUMN support varchar(200) DEFAULT 'help@${mail_domain}';\n");
        Path yaml = dir.resolve("bellows.yaml");
        Files.writeString(yaml, "legacy:\n  flyway: " + flyway + "\n  release: \"1.0\"\n"
                + "  placeholders: { mail_domain: example.com }\n");

        CliTest.Run plan = bellows(args(connection(db, location), "plan", "--config", yaml.toString()));
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("legacy Flyway: 2 pending, run by Flyway itself; then baseline 1.0 is recorded")
                .contains("  V1__customers.sql").contains("  sub/V2__seed.sql").contains("expand 1.1: 1 file");
        CliTest.Run status = bellows(args(connection(db, location), "status", "--config", yaml.toString()));
        assertThat(status.out()).contains("baseline: 1.0 (not recorded yet")
                .contains("next: bellows upgrade (the legacy Flyway history has 2 pending");

        // The environment overrides the file's placeholder (flags > env > bellows.yaml).
        CliTest.Run upgrade = bellows(Map.of("BELLOWS_PLACEHOLDERS_MAIL_DOMAIN", "example.org"),
                args(connection(db, location), "upgrade", "--config", yaml.toString()));
        assertThat(upgrade.exit()).as(upgrade.err()).isZero();
        assertThat(upgrade.out()).contains("legacy Flyway: applied 2").contains("baseline 1.0 recorded");
        assertThat(db.queryOne("SELECT email FROM customers")).isEqualTo("x@example.org");
        assertThat(db.queryOne("SELECT support FROM customers")).as("Bellows' own file").isEqualTo("help@example.org");
        assertThat(db.count("SELECT count(*) FROM customers WHERE phone IS NULL")).isEqualTo(1);
        assertThat(bellows(args(connection(db, location), "check", "--config", yaml.toString())).exit()).isZero();

        Files.writeString(yaml, "legacy:\n  flyway: " + flyway + "\n");
        CliTest.Run noRelease = bellows(args(connection(db, location), "status", "--config", yaml.toString()));
        assertThat(noRelease.exit()).isEqualTo(2);
        assertThat(noRelease.err()).contains("legacy.release is not");
    }

    @Test
    void lintSinceJudgesOnlyLaterReleasesAndReplaysALegacyFlywayHistory() throws Exception {
        Path flyway = dir.resolve("flyway");
        Files.createDirectories(flyway);
        Files.writeString(flyway.resolve("V1__customers.sql"),
                "CREATE TABLE customers (id int PRIMARY KEY, email varchar(200), fax varchar(40));\n");
        Path location = dir.resolve("db/migrations");
        new MigrationTree(location)
                .file("1.0", "expand", "001_drop_fax.sql", "ALTER TABLE customers DROP COLUMN fax;\n")
                .file("1.1", "expand", "001_widen.sql", "ALTER TABLE customers ALTER COLUMN email TYPE varchar(300);\n");

        CliTest.Run all = bellows("lint", "--location", location.toString());
        assertThat(all.out()).contains("001_drop_fax.sql").contains("001_widen.sql")
                .contains("Bellows does not know the column's current type");
        CliTest.Run since = bellows("lint", "--location", location.toString(), "--since", "1.0");
        assertThat(since.out()).doesNotContain("001_drop_fax.sql").contains("001_widen.sql");

        // With the legacy Flyway history: its files build the schema model (email is known to be varchar(200)),
        // and only releases after legacy.release are judged.
        Path yaml = dir.resolve("bellows.yaml");
        Files.writeString(yaml, "legacy:\n  flyway: " + flyway + "\n  release: \"1.0\"\n");
        CliTest.Run legacy = bellows("lint", "--location", location.toString(), "--config", yaml.toString());
        assertThat(legacy.out()).doesNotContain("001_drop_fax.sql").doesNotContain("V1__customers.sql")
                .doesNotContain("Bellows does not know the column's current type");
    }

    @Test
    void verifyBuildsTheShadowWithTheLegacyHistoryAndLintAndVerifyReplacePlaceholders() throws Exception {
        Path flyway = dir.resolve("flyway");
        Files.createDirectories(flyway);
        Files.writeString(flyway.resolve("V1__customers.sql"), "CREATE TABLE customers (id int PRIMARY KEY, "
                + "email varchar(200) DEFAULT 'x@${mail_domain}', fax varchar(40));\n");
        Files.writeString(flyway.resolve("R__customer_emails.sql"),
                "CREATE OR REPLACE VIEW customer_emails AS SELECT id, email FROM customers;\n");
        Path location = dir.resolve("db/migrations");
        new MigrationTree(location)
                .file("1.1", "expand", "001_support.sql",
                        "ALTER TABLE ${table} ADD COLUMN support varchar(200) DEFAULT 'help@${mail_domain}';\n")
                .file("1.1", "contract", "001_drop_email.sql", "ALTER TABLE customers DROP COLUMN email;\n");
        Path yaml = dir.resolve("bellows.yaml");
        Files.writeString(yaml, "legacy:\n  flyway: " + flyway + "\n  release: \"1.0\"\n"
                + "  placeholders: { mail_domain: example.com }\n");
        TestDatabase shadow = Databases.postgres();

        // ${table} has no value: named with file and line, nothing verified.
        CliTest.Run undefined = bellows("verify", "--config", yaml.toString(), "--location", location.toString(),
                "--shadow-url", shadow.url(), "--shadow-user", shadow.user());
        assertThat(undefined.exit()).isEqualTo(2);
        assertThat(undefined.err()).contains("001_support.sql: line 1: placeholder ${table} has no value");
        assertThat(shadow.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isZero();
        CliTest.Run lintUndefined = bellows("lint", "--config", yaml.toString(), "--location", location.toString());
        assertThat(lintUndefined.exit()).isEqualTo(2);
        assertThat(lintUndefined.err()).contains("001_support.sql: line 1: placeholder ${table} has no value");

        // Flyway builds the shadow; 1.1's contract drops a column that only Flyway's files made and its view reads.
        CliTest.Run verify = bellows("verify", "--config", yaml.toString(), "--location", location.toString(),
                "--shadow-url", shadow.url(), "--shadow-user", shadow.user(), "--placeholder", "table=customers");
        assertThat(verify.exit()).as(verify.err()).isEqualTo(1);
        assertThat(verify.out()).contains("legacy Flyway history (" + flyway + ") built the shadow's schema")
                .contains("001_drop_email.sql").contains("customer_emails")
                .doesNotContain("001_support.sql:1");
        assertThat((String) shadow.queryOne("SELECT column_default FROM information_schema.columns WHERE table_name = "
                + "'customers' AND column_name = 'support'")).contains("help@example.com");

        // lint with the value: the file is judged as it will run (a placeholder in a table name included).
        new MigrationTree(location).file("1.2", "expand", "001_drop_fax.sql", "ALTER TABLE ${table} DROP COLUMN fax;\n");
        CliTest.Run lint = bellows(Map.of("BELLOWS_PLACEHOLDERS_TABLE", "customers"), "lint", "--config",
                yaml.toString(), "--location", location.toString());
        assertThat(lint.exit()).isEqualTo(1);
        assertThat(lint.out()).contains("001_drop_fax.sql:1:").contains("dropping column customers.fax in expand");

        for (String command : new String[]{"lint", "verify", "upgrade"}) {
            assertThat(bellows(command, "--help").out()).as(command).contains("Value of ${NAME} in the");
        }
    }
}
