package dev.bellows.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellows.cli.LintCliRunner.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LintCommandTest {

    @TempDir
    Path dir;

    private Path write(String relative, String sql) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, sql);
        return p;
    }

    private Path layout() throws IOException {
        write("db/1.0/expand/001_books.sql", "CREATE TABLE books (id int PRIMARY KEY, legacy text);");
        write("db/1.1/expand/001_isbn.sql", "ALTER TABLE books ADD COLUMN isbn text;\n"
                + "ALTER TABLE books DROP COLUMN legacy;");
        write("db/1.1/contract/001_index.sql", "CREATE INDEX CONCURRENTLY books_isbn ON books (isbn);");
        return dir.resolve("db");
    }

    @Test
    void textOutputIsCompilerLikeAndErrorsExitOne() throws IOException {
        Path db = layout();
        Run r = LintCliRunner.run("lint", db.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern("001_isbn\\.sql:2:19: error\\[expand-drop-column\\] dropping column "
                + "books\\.legacy in expand");
        assertThat(r.out()).contains("    1. Stop reading and writing books.legacy in release N");
        assertThat(r.out()).contains("warning[contract-addition]");
        assertThat(r.out()).contains("1 error(s), 1 warning(s), 0 waived");
    }

    @Test
    void defaultsToTheConfiguredLocation() throws IOException {
        Path db = layout();
        Run r = LintCliRunner.run(Map.of("BELLOWS_LOCATION", db.toString()), "lint");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("expand-drop-column");
        assertThat(LintCliRunner.run("lint", "--location", db.toString()).out()).contains("expand-drop-column");
    }

    @Test
    void aFileInsideALayoutIsCheckedAgainstItsHistory() throws IOException {
        Path db = layout();
        Run r = LintCliRunner.run("lint", db.resolve("1.1/contract/001_index.sql").toString());
        assertThat(r.out()).contains("contract-addition").doesNotContain("expand-drop-column");
        assertThat(r.exit()).isZero();
    }

    @Test
    void looseFilesTakeThePhaseAndDialectFlags() throws IOException {
        Path f = write("loose.sql", "CREATE INDEX i ON books (isbn);\nALTER TABLE books DROP COLUMN legacy;");
        assertThat(LintCliRunner.run("lint", f.toString()).out()).contains("pg-create-index-not-concurrently")
                .contains("expand-drop-column");
        Run contract = LintCliRunner.run("lint", "--phase", "contract", "--dialect", "mysql", f.toString());
        assertThat(contract.exit()).isZero();
        assertThat(contract.out()).doesNotContain("error[").contains("warning[contract-addition]");
    }

    @Test
    void warningsOnlyExitZeroAndCleanFilesPrintASummary() throws IOException {
        Path f = write("ok.sql", "ALTER TABLE books ADD COLUMN isbn text;");
        Run r = LintCliRunner.run("lint", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("0 error(s), 0 warning(s)");
    }

    @Test
    void jsonAndSarifFormats() throws IOException {
        Path f = write("x.sql", "DROP TABLE books;");
        JsonNode json = new ObjectMapper().readTree(LintCliRunner.run("lint", "--format", "json", f.toString()).out());
        assertThat(json.get("findings").get(0).get("rule").asText()).isEqualTo("expand-drop-table");
        JsonNode sarif = new ObjectMapper().readTree(LintCliRunner.run("lint", "--format", "sarif", f.toString()).out());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("runs").get(0).get("results").get(0).get("ruleId").asText()).isEqualTo("expand-drop-table");
    }

    @Test
    void flywayFolder() throws IOException {
        write("fw/V1__init.sql", "CREATE TABLE books (id int, legacy text);");
        write("fw/V2__drop.sql", "-- bellows:phase contract\nALTER TABLE books DROP COLUMN legacy;");
        write("fw/V3__bad.sql", "ALTER TABLE books DROP COLUMN id;");
        Run r = LintCliRunner.run("lint", "--flyway", dir.resolve("fw").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("V3__bad.sql:1:19: error[expand-drop-column]").doesNotContain("V2__drop");
    }

    @Test
    void versionFlagsChangeVerdicts() throws IOException {
        Path f = write("d.sql", "ALTER TABLE books ADD COLUMN pages int DEFAULT 0;");
        assertThat(LintCliRunner.run("lint", f.toString()).exit()).isZero();
        assertThat(LintCliRunner.run("lint", "--pg-version", "10", f.toString()).out()).contains("pg-volatile-default");
    }

    @Test
    void usageAndConfigurationErrorsExitTwo() throws IOException {
        assertThat(LintCliRunner.run("lint", dir.resolve("missing.sql").toString()).exit()).isEqualTo(2);
        Path f = write("y.sql", "SELECT 1;");
        Run badPhase = LintCliRunner.run("lint", "--phase", "later", f.toString());
        assertThat(badPhase.exit()).isEqualTo(2);
        assertThat(badPhase.err()).contains("unknown phase 'later'");
        assertThat(LintCliRunner.run("lint", "--dialect", "oracle", f.toString()).exit()).isEqualTo(2);
        assertThat(LintCliRunner.run("lint", "--format", "xml", f.toString()).exit()).isEqualTo(2);
        assertThat(LintCliRunner.run("lint", "--no-such-flag").exit()).isEqualTo(2);
        assertThat(LintCliRunner.run("lint", "--pg-version", "twelve", f.toString()).exit()).isEqualTo(2);
        write("bad/1.0/001_x.sql", "SELECT 1;");
        Run loader = LintCliRunner.run("lint", dir.resolve("bad").toString());
        assertThat(loader.exit()).isEqualTo(2);
        assertThat(loader.err()).contains("phase");
        assertThat(LintCliRunner.run("lint", "--location", dir.resolve("nowhere").toString()).exit()).isEqualTo(2);
    }

    @Test
    void listRulesAndHelp() {
        Run list = LintCliRunner.run("lint", "--list-rules");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("expand-drop-column").contains("pg-create-index-not-concurrently")
                .contains("mysql-table-copy");
        Run help = LintCliRunner.run("lint", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Example").contains("bellows lint db/migrations --format sarif");
    }

    @Test
    void aReleaseDirectoryIsLintedWithTheEarlierReleasesAsItsHistory() throws IOException {
        Path db = layout();
        write("db/1.2/expand/001_drop_isbn.sql", "ALTER TABLE books DROP COLUMN isbn;");
        Run r = LintCliRunner.run("lint", db.resolve("1.1").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("001_isbn.sql:2:19: error[expand-drop-column]", "warning[contract-addition]")
                .doesNotContain("001_drop_isbn.sql").doesNotContain("1.0/expand");
        Run phase = LintCliRunner.run("lint", db.resolve("1.2/expand").toString());
        assertThat(phase.out()).contains("001_drop_isbn.sql:1:19: error[expand-drop-column] dropping column books.isbn")
                .doesNotContain("001_isbn.sql");
    }

    @Test
    void aFlatFolderIsOneReleasePerFileInNumberOrder() throws IOException {
        write("flat/0001_books.up.sql", "CREATE TABLE books (id int PRIMARY KEY, legacy text);");
        write("flat/0001_books.down.sql", "DROP TABLE books;");
        write("flat/0002_isbn.up.sql", "ALTER TABLE books ADD COLUMN isbn text;");
        write("flat/0002_isbn.down.sql", "ALTER TABLE books DROP COLUMN isbn;");
        write("flat/0003_empty.up.sql", "-- nothing left here\n");
        write("flat/0010_drop.up.sql", "ALTER TABLE books DROP COLUMN legacy;");
        Run r = LintCliRunner.run("lint", "--layout", "flat", dir.resolve("flat").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("0010_drop.up.sql:1:19: error[expand-drop-column]",
                        "0003_empty.up.sql:1:1: warning[empty-migration]")
                .doesNotContain(".down.sql").contains("1 error(s), 1 warning(s)");

        write("flat/0010_drop.up.sql", "-- bellows:phase contract\nALTER TABLE books DROP COLUMN legacy;");
        assertThat(LintCliRunner.run("lint", "--layout", "flat", dir.resolve("flat").toString()).exit()).isZero();

        Run bad = LintCliRunner.run("lint", "--layout", "tree", dir.resolve("flat").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--layout tree: use --layout bellows");
        write("flat/readme_first.sql", "SELECT 1;");
        Run unnumbered = LintCliRunner.run("lint", "--layout", "flat", dir.resolve("flat").toString());
        assertThat(unnumbered.exit()).isEqualTo(2);
        assertThat(unnumbered.err()).contains("readme_first.sql: file name does not start with its order number");
    }
}
