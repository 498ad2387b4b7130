package dev.bellows.maven;

import dev.bellows.testing.Databases;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A project with a legacy Flyway history (bellows.yaml {@code legacy:}, paths relative to the project) through the
 * goals: upgrade runs Flyway then Bellows, verify builds its shadow with Flyway, lint replays it, and
 * {@code since} cuts what is judged.
 */
class LegacyMojoTest {

    @TempDir
    Path project;

    final RecordingLog log = new RecordingLog();

    @BeforeEach
    void project() throws IOException {
        Path flyway = project.resolve("src/main/resources/db/migration");
        write(flyway.resolve("V1__customers.sql"), "CREATE TABLE customers (id int PRIMARY KEY, "
                + "email varchar(200) DEFAULT 'x@${mail_domain}', fax varchar(40));\n");
        write(flyway.resolve("R__customer_emails.sql"),
                "CREATE OR REPLACE VIEW customer_emails AS SELECT id, email FROM customers;\n");
        new MigrationTree(project.resolve("db/migrations"))
                .file("1.1", "expand", "001_support.sql",
                        "ALTER TABLE customers ADD COLUMN support varchar(200) DEFAULT 'help@${mail_domain}';\n")
                .file("1.1", "contract", "001_drop_email.sql", "ALTER TABLE customers DROP COLUMN email;\n");
        // relative paths: resolved against the project, not the directory Maven was started in
        write(project.resolve("bellows.yaml"), "location: db/migrations\nlegacy:\n"
                + "  flyway: src/main/resources/db/migration\n  release: \"1.0\"\n"
                + "  placeholders: { mail_domain: example.com }\n");
    }

    <T extends AbstractBellowsMojo> T mojo(T mojo) {
        mojo.basedir = project.toFile();
        mojo.environment = Map.of();
        mojo.setLog(log);
        return mojo;
    }

    VerifyMojo verify() {
        TestDatabase shadow = Databases.postgres();
        VerifyMojo verify = mojo(new VerifyMojo());
        verify.shadowUrl = shadow.url();
        verify.shadowUser = shadow.user();
        verify.verifyFormat = "json";
        return verify;
    }

    @Test
    void upgradeRunsFlywayThenBellowsAndVerifyBuildsItsShadowWithFlyway() throws Exception {
        TestDatabase db = Databases.postgres();
        UpgradeMojo upgrade = mojo(new UpgradeMojo());
        upgrade.url = db.url();
        upgrade.user = db.user();
        upgrade.password = db.password();
        upgrade.execute();
        assertThat(log.text()).contains("legacy Flyway: applied").contains("baseline 1.0 recorded");
        assertThat(db.queryOne("SELECT count(*) || ' ' || min(version) FROM flyway_schema_history WHERE success"))
                .isEqualTo("2 1");
        assertThat((String) db.queryOne("SELECT column_default FROM information_schema.columns "
                + "WHERE table_name = 'customers' AND column_name = 'support'")).contains("help@example.com");

        VerifyMojo verify = verify();
        assertThatThrownBy(verify::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("001_drop_email.sql").hasMessageContaining("customer_emails");
        assertThat(log.text()).contains("legacy Flyway history (" + project.resolve("src/main/resources/db/migration")
                + ") built the shadow's schema");

        // 1.1 drops a Flyway-made column in expand instead: a verdict that since = 1.1 leaves unjudged.
        Files.delete(project.resolve("db/migrations/1.1/contract/001_drop_email.sql"));
        new MigrationTree(project.resolve("db/migrations"))
                .file("1.1", "expand", "002_drop_fax.sql", "ALTER TABLE customers DROP COLUMN fax;\n");
        VerifyMojo judged = verify();
        assertThatThrownBy(judged::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("002_drop_fax.sql:1:1 [verify-dropped-column]");
        VerifyMojo since = verify();
        since.since = "1.1";
        since.execute();
        assertThat(log.text()).containsPattern("verified 2 migrations on PostgreSQL [0-9.]+ in .*: passed");

        VerifyMojo bad = verify();
        bad.since = "one";
        assertThatThrownBy(bad::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("since (bellows.since) one: not a release version");
    }

    @Test
    void lintReplaysTheLegacyHistoryAndJudgesOnlyLaterReleases() throws Exception {
        new MigrationTree(project.resolve("db/migrations"))
                .file("1.2", "expand", "001_drop_fax.sql", "ALTER TABLE ${table} DROP COLUMN fax;\n");
        LintMojo undefined = mojo(new LintMojo());
        assertThatThrownBy(undefined::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("001_drop_fax.sql: line 1: placeholder ${table} has no value")
                .hasMessageContaining("the Maven plugin's <placeholders>");

        LintMojo lint = mojo(new LintMojo());
        lint.placeholders = Map.of("table", "customers");
        assertThatThrownBy(lint::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("lint found 1 error(s)")
                .hasMessageContaining("001_drop_fax.sql:1:")
                .hasMessageContaining("dropping column customers.fax in expand");
        assertThat(log.text()).doesNotContain("V1__customers.sql");

        LintMojo since = mojo(new LintMojo());
        since.placeholders = Map.of("table", "customers");
        since.since = "1.2";
        since.execute();
        assertThat(log.lines).last().asString().contains("0 error(s)");

        // The same history given as parameters instead of bellows.yaml.
        Files.writeString(project.resolve("bellows.yaml"), "location: db/migrations\n");
        LintMojo parameters = mojo(new LintMojo());
        parameters.placeholders = Map.of("table", "customers", "mail_domain", "example.com");
        parameters.legacyFlyway = "src/main/resources/db/migration";
        parameters.legacyRelease = "1.0";
        assertThatThrownBy(parameters::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("lint found 1 error(s)");
        parameters.legacyRelease = null;
        assertThatThrownBy(parameters::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("bellows.legacyFlyway is set but legacy.release is not")
                .hasMessageContaining("bellows.legacyRelease 1.0");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
