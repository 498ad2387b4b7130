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

/** verify as Maven runs it: on the embedded PostgreSQL, what it prints and writes, how it fails. */
class VerifyMojoTest {

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

    @Test
    void verifyPassesASafeHistoryAndWritesItsReport() throws Exception {
        VerifyMojo verify = new VerifyMojo();
        verify.location = tree.root().toFile();
        verify.verifyFormat = "json";
        verify.verifyOutput = dir.resolve("verify.json").toFile();
        verify.htmlReport = dir.resolve("target/bellows-verify.html").toFile();
        verify.setLog(log);
        verify.execute();
        assertThat(log.text()).containsPattern("verified 2 migrations on PostgreSQL [0-9.]+ in .*: passed");
        assertThat(Files.readString(dir.resolve("verify.json"))).contains("001_create_audit.sql");
        assertThat(Files.readString(dir.resolve("target/bellows-verify.html")))
                .startsWith("<!DOCTYPE html>").contains("001_create_audit.sql", "verdict passed");

        verify.verifyFormat = "xml";
        assertThatThrownBy(verify::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("unknown format 'xml'");
    }

    @Test
    void aDroppedColumnFailsTheBuildAndMysqlNeedsAShadowServer() {
        tree.file("1.0", "expand", "002_add_note.sql", "ALTER TABLE accounts ADD COLUMN note text;\n")
                .file("1.1", "expand", "001_drop_note.sql", "ALTER TABLE accounts DROP COLUMN note;\n");
        VerifyMojo verify = new VerifyMojo();
        verify.location = tree.root().toFile();
        verify.verifyFormat = "json";
        verify.htmlReport = dir.resolve("failed.html").toFile();
        verify.setLog(log);
        assertThatThrownBy(verify::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("verify found 1 error(s)")
                .hasMessageContaining("001_drop_note.sql:1:1 [verify-dropped-column]");
        assertThat(log.text()).contains("[ERROR] ").contains("error[verify-dropped-column]")
                .contains("verified 4 migrations on PostgreSQL").contains(": FAILED");
        assertThat(dir.resolve("failed.html")).as("the page is written when verify fails too")
                .content().contains("verify-dropped-column", "verdict failed");

        verify.dialect = "mysql";
        assertThatThrownBy(verify::execute).isInstanceOf(MojoExecutionException.class);
    }

    @Test
    void seedFilesAreRelativeToTheProject() throws Exception {
        Files.createDirectories(dir.resolve("src/test/sql"));
        Files.writeString(dir.resolve("src/test/sql/seed.sql"), "INSERT INTO accounts (id) VALUES (1), (2);\n");
        VerifyMojo verify = new VerifyMojo();
        verify.location = tree.root().toFile();
        verify.verifyFormat = "json";
        verify.basedir = dir.toFile();
        verify.seeds = java.util.List.of("1.0=src/test/sql/seed.sql");
        verify.setLog(log);
        verify.execute();
        assertThat(log.text()).contains(": passed");

        verify.seeds = java.util.List.of("1.0=src/test/sql/missing.sql");
        assertThatThrownBy(verify::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("missing.sql");
    }

    @Test
    void aFlywayFolderIsVerifiedEachFileItsOwnRelease() throws Exception {
        Path flyway = Files.createDirectories(dir.resolve("flyway"));
        Files.writeString(flyway.resolve("V1__create_accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY, "
                + "nickname text);\n");
        Files.writeString(flyway.resolve("V2__drop_nickname.sql"), "ALTER TABLE accounts DROP COLUMN nickname;\n");
        VerifyMojo verify = new VerifyMojo();
        verify.flyway = flyway.toFile();
        verify.verifyFormat = "json";
        verify.setLog(log);
        assertThatThrownBy(verify::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("V2__drop_nickname.sql:1:1 [verify-dropped-column]");
    }
}
