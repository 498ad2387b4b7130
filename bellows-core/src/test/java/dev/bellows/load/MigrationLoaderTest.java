package dev.bellows.load;

import dev.bellows.model.Migration;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Phase;
import dev.bellows.sql.SqlSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationLoaderTest {

    @TempDir
    Path root;

    private Path write(String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private MigrationSet load() {
        return MigrationLoader.load(root, SqlSyntax.POSTGRESQL);
    }

    @Test
    void loadsReleasesVersionAwareAndFilesByNumber() throws IOException {
        write("1.10/expand/001_b.sql", "SELECT 110;");
        write("1.9/contract/001_c.sql", "SELECT 19;");
        write("1.9/expand/10_ten.sql", "SELECT 10;");
        write("1.9/expand/2_two.sql", "SELECT 2;");
        write("1.9/migrate/001_m.sql", "SELECT 1;");
        write("1.9/expand/README.md", "notes are fine");
        MigrationSet set = load();
        assertThat(set.migrations()).extracting(Migration::id).containsExactly(
                "1.9/expand/2_two.sql", "1.9/expand/10_ten.sql", "1.9/migrate/001_m.sql", "1.9/contract/001_c.sql",
                "1.10/expand/001_b.sql");
        Migration first = set.migrations().get(0);
        assertThat(first.phase()).isEqualTo(Phase.EXPAND);
        assertThat(first.number()).isEqualTo(2);
        assertThat(first.checksum()).hasSize(64).isEqualTo(MigrationLoader.sha256("SELECT 2;".getBytes()));
        assertThat(first.statements()).hasSize(1);
    }

    @Test
    void unknownPhaseDirectory() throws IOException {
        write("1.0/expnd/001_a.sql", "SELECT 1;");
        assertThatThrownBy(this::load).isInstanceOfSatisfying(MigrationLoadException.class, e -> {
            assertThat(e.path()).endsWith(Path.of("1.0", "expnd"));
            assertThat(e.exitCode()).isEqualTo(2);
        }).hasMessageContaining("unknown phase directory 'expnd'").hasMessageContaining("expand, migrate and contract");
    }

    @Test
    void releaseNameThatIsNotAVersion() throws IOException {
        write("v1.0/expand/001_a.sql", "SELECT 1;");
        assertThatThrownBy(this::load).isInstanceOf(MigrationLoadException.class)
                .hasMessageContaining("'v1.0' is not a release version").hasMessageContaining("like 1.4");
    }

    @Test
    void duplicateNumberInOnePhase() throws IOException {
        write("1.0/expand/001_a.sql", "SELECT 1;");
        write("1.0/expand/1_b.sql", "SELECT 1;");
        assertThatThrownBy(this::load).isInstanceOf(MigrationLoadException.class)
                .hasMessageContaining("same number 1 as").hasMessageContaining("renumber one of them");
    }

    @Test
    void fileWithoutNumericPrefix() throws IOException {
        write("1.0/expand/add_books.sql", "SELECT 1;");
        assertThatThrownBy(this::load).isInstanceOfSatisfying(MigrationLoadException.class,
                        e -> assertThat(e.path().getFileName()).hasToString("add_books.sql"))
                .hasMessageContaining("no numeric prefix").hasMessageContaining("001_add_books_isbn.sql");
    }

    @Test
    void releaseDirectoryWithoutPhaseDirectory() throws IOException {
        Files.createDirectories(root.resolve("1.0"));
        write("1.1/expand/001_a.sql", "SELECT 1;");
        assertThatThrownBy(this::load).isInstanceOf(MigrationLoadException.class)
                .hasMessageContaining("1.0: release directory has no phase directory");
    }

    @Test
    void emptyBlankAndCommentOnlyFilesLoadAsNoOps() throws IOException {
        write("1.0/expand/001_a.sql", "  -- only a comment\n/* and a block */\n");
        write("1.0/expand/002_b.sql", "");
        write("1.0/expand/003_c.sql", " \n\t\n");
        write("1.0/expand/004_d.sql", "SELECT 1;");
        MigrationSet set = load();
        assertThat(set.migrations()).extracting(m -> m.statements().size()).containsExactly(0, 0, 0, 1);
    }

    @Test
    void nonUtf8File() throws IOException {
        Path p = root.resolve("1.0/expand/001_a.sql");
        Files.createDirectories(p.getParent());
        Files.write(p, "SELECT 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(this::load).isInstanceOf(MigrationLoadException.class)
                .hasMessageContaining("001_a.sql: is not valid UTF-8");
    }

    @Test
    void sqlFileOutsideAnyRelease() throws IOException {
        write("001_stray.sql", "SELECT 1;");
        assertThatThrownBy(this::load).isInstanceOf(MigrationLoadException.class)
                .hasMessageContaining("001_stray.sql: SQL file outside any release");
    }

    @Test
    void sqlFileOutsideAnyPhase() throws IOException {
        write("1.0/001_stray.sql", "SELECT 1;");
        assertThatThrownBy(this::load).isInstanceOf(MigrationLoadException.class)
                .hasMessageContaining("SQL file outside any phase");
    }

    @Test
    void unterminatedStringNamesLineAndColumn() throws IOException {
        write("1.0/expand/001_a.sql", "SELECT 1;\nSELECT 'oops;\n");
        assertThatThrownBy(this::load).isInstanceOf(MigrationLoadException.class)
                .hasMessageContaining("001_a.sql: line 2, column 8: unterminated string");
    }

    @Test
    void missingLocation() {
        assertThatThrownBy(() -> MigrationLoader.load(root.resolve("nope"), SqlSyntax.POSTGRESQL))
                .isInstanceOf(MigrationLoadException.class)
                .hasMessageContaining("migration location does not exist").hasMessageContaining("--location");
    }

    @Test
    void twoDirectoriesForOneRelease() throws IOException {
        write("1.0/expand/001_a.sql", "SELECT 1;");
        write("1.0.0/expand/001_a.sql", "SELECT 1;");
        assertThatThrownBy(this::load).isInstanceOf(MigrationLoadException.class)
                .hasMessageContaining("names the same release as");
    }

    @Test
    void theExampleProjectLoads() {
        MigrationSet set = MigrationLoader.load(Path.of("../examples/bookshop/db/migrations"), SqlSyntax.POSTGRESQL);
        assertThat(set.releases()).extracting(r -> r.name()).containsExactly("1.0", "1.1", "1.2", "1.3");
        assertThat(set.of(dev.bellows.model.Release.of("1.3"), dev.bellows.model.Phase.MIGRATE).get(0).statements()
                .get(0).tokens()).anyMatch(t -> t.text().equals(":from"));
        assertThat(set.migrations()).allSatisfy(m -> assertThat(m.statements()).isNotEmpty());
    }
}
