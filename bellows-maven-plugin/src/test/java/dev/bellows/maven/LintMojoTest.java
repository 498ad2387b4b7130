package dev.bellows.maven;

import dev.bellows.testing.MigrationTree;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** lint as Maven runs it: what it prints, when it fails the build, what it writes. */
class LintMojoTest {

    @TempDir
    Path dir;

    final RecordingLog log = new RecordingLog();
    MigrationTree tree;

    @BeforeEach
    void tree() {
        tree = new MigrationTree(dir.resolve("db"))
                .file("1.0", "expand", "001_create_accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);\n")
                .file("1.1", "contract", "001_create_audit.sql", "CREATE TABLE audit (id bigint PRIMARY KEY);\n");
    }

    LintMojo lint() {
        LintMojo m = new LintMojo();
        m.location = tree.root().toFile();
        m.dialect = "postgresql";
        m.lintFormat = "sarif";
        m.setLog(log);
        return m;
    }

    @Test
    void warningsAloneDoNotFailTheBuildUnlessAskedTo() throws Exception {
        LintMojo lint = lint();
        lint.lintOutput = dir.resolve("out/lint.sarif").toFile();
        lint.execute();
        assertThat(log.text()).contains("[WARNING] ").contains("warning[contract-addition]")
                .contains("0 error(s), 1 warning(s), 0 waived");
        assertThat(Files.readString(dir.resolve("out/lint.sarif"))).contains("contract-addition");

        LintMojo strict = lint();
        strict.failOnWarning = true;
        assertThatThrownBy(strict::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("lint found 0 error(s) and 1 warning(s); first: ")
                .hasMessageContaining("001_create_audit.sql:1:");
    }

    /** The database-aware lint: table sizes read from a real PostgreSQL's catalog decide whether a lock fails. */
    @Test
    void tableSizesFromTheDatabaseOrAFileTurnLocksOnSmallTablesIntoWarnings() throws Exception {
        dev.bellows.testing.TestDatabase db = dev.bellows.testing.Databases.postgres();
        db.execute("CREATE TABLE accounts (id bigint PRIMARY KEY)", "INSERT INTO accounts SELECT generate_series(1, 20)",
                "ANALYZE accounts");
        tree.file("1.1", "expand", "001_index.sql", "CREATE INDEX accounts_id2 ON accounts (id);\n");
        assertThatThrownBy(lint()::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("[pg-create-index-not-concurrently]");

        LintMojo sized = lint();
        sized.url = db.url();
        sized.user = db.user();
        sized.password = db.password();
        sized.lintStatsFromDatabase = true;
        sized.lintStatsMinRows = 10_000;
        sized.lintStatsMinMb = 10;
        sized.execute();
        assertThat(log.text()).contains("warning[pg-create-index-not-concurrently]")
                .contains("accounts has about 20 rows");

        Path stats = dir.resolve("stats.tsv");
        Files.writeString(stats, "schema\ttable\trows\tbytes\npublic\taccounts\t900000\t300000000\n");
        LintMojo fromFile = lint();
        fromFile.lintStats = stats.toFile();
        fromFile.lintStatsMinRows = 10_000;
        fromFile.lintStatsMinMb = 10;
        assertThatThrownBy(fromFile::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("accounts has about 900,000 rows").hasMessageContaining("estimated lock time");
    }

    @Test
    void anErrorFailsTheBuildAndABadDialectIsAConfigurationError() {
        tree.file("1.1", "expand", "001_drop_id.sql", "ALTER TABLE accounts DROP COLUMN id;\n");
        assertThatThrownBy(lint()::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("[expand-drop-column]").hasMessageContaining("001_drop_id.sql:1:");
        assertThat(log.text()).contains("[ERROR] ").contains("error[expand-drop-column]");

        LintMojo oracle = lint();
        oracle.dialect = "oracle";
        assertThatThrownBy(oracle::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("unknown dialect 'oracle'");
    }

    @Test
    void aFlywayFolderIsLintedAsOneHistory() throws Exception {
        Path flyway = Files.createDirectories(dir.resolve("flyway"));
        Files.writeString(flyway.resolve("V1__create_accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY, "
                + "nickname text);\n");
        Files.writeString(flyway.resolve("V2__drop_nickname.sql"), "ALTER TABLE accounts DROP COLUMN nickname;\n");
        LintMojo lint = lint();
        lint.flyway = flyway.toFile();
        assertThatThrownBy(lint::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("V2__drop_nickname.sql:1:").hasMessageContaining("[expand-drop-column]");

        Files.writeString(flyway.resolve("V2__drop_nickname.sql"), "-- bellows:phase contract\n"
                + "ALTER TABLE accounts DROP COLUMN nickname;\n");
        LintMojo again = lint();
        again.flyway = flyway.toFile();
        again.execute();
        assertThat(log.text()).contains("0 error(s)");
    }
}
