package dev.bellows.lint;

import dev.bellows.load.MigrationLoadException;
import dev.bellows.model.Migration;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.sql.SqlSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlatLoaderTest {

    @TempDir
    Path dir;

    private void write(String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
    }

    @Test
    void golangMigratePairsLoadTheUpFilesInNumberOrder() throws IOException {
        write("000010_late.up.sql", "ALTER TABLE a ADD COLUMN c int;");
        write("000002_b.up.sql", "CREATE TABLE b (id int);");
        write("000002_b.down.sql", "DROP TABLE b;");
        write("000001_a.up.sql", "CREATE TABLE a (id int);");
        write("000001_a.down.sql", "DROP TABLE a;");
        write("notes.md", "not read");
        MigrationSet set = FlatLoader.load(dir, SqlSyntax.POSTGRESQL);
        assertThat(set.migrations()).extracting(Migration::fileName)
                .containsExactly("000001_a.up.sql", "000002_b.up.sql", "000010_late.up.sql");
        assertThat(set.releases()).containsExactly(Release.of("1"), Release.of("2"), Release.of("10"));
        assertThat(set.migrations()).allMatch(m -> m.phase() == Phase.EXPAND);
    }

    @Test
    void dbmateFilesRunTheirUpSectionOnlyWithLineNumbersKept() throws IOException {
        write("20240101120000_books.sql", "-- migrate:up\nCREATE TABLE books (id int);\n\n"
                + "-- migrate:down\nDROP TABLE books;\n");
        write("20240102120000_contract.sql", "-- migrate:up\n-- bellows:phase contract\n"
                + "ALTER TABLE books DROP COLUMN x;\n-- migrate:down\n");
        MigrationSet set = FlatLoader.load(dir, SqlSyntax.POSTGRESQL);
        Migration first = set.migrations().get(0);
        assertThat(first.statements()).singleElement().satisfies(s -> {
            assertThat(s.sql()).isEqualTo("CREATE TABLE books (id int)");
            assertThat(s.line()).isEqualTo(2);
        });
        assertThat(set.migrations().get(1).phase()).isEqualTo(Phase.CONTRACT);
        assertThat(set.migrations().get(1).release()).isEqualTo(Release.of("20240102120000"));
    }

    @Test
    void plainNumberedFilesEmptyOnesIncluded() throws IOException {
        write("001_a.sql", "CREATE TABLE a (id int);");
        write("002_blank.sql", "\n");
        assertThat(FlatLoader.load(dir, SqlSyntax.MYSQL).migrations()).extracting(m -> m.statements().size())
                .containsExactly(1, 0);
    }

    @Test
    void badFoldersAreErrorsThatNameTheFile() throws IOException {
        assertThatThrownBy(() -> FlatLoader.load(dir, SqlSyntax.POSTGRESQL))
                .isInstanceOf(MigrationLoadException.class).hasMessageContaining("holds no numbered .sql file");
        write("001_a.sql", "SELECT 1;");
        write("1_again.sql", "SELECT 2;");
        assertThatThrownBy(() -> FlatLoader.load(dir, SqlSyntax.POSTGRESQL))
                .isInstanceOf(MigrationLoadException.class).hasMessageContaining("has the same number");
        Files.delete(dir.resolve("1_again.sql"));
        write("create_books.sql", "SELECT 1;");
        assertThatThrownBy(() -> FlatLoader.load(dir, SqlSyntax.POSTGRESQL))
                .isInstanceOf(MigrationLoadException.class)
                .hasMessageContaining("create_books.sql: file name does not start with its order number");
    }
}
