package dev.bellows.queries;

import dev.bellows.ConfigurationException;
import dev.bellows.model.Release;
import dev.bellows.sql.SqlSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestFormatTest {

    @TempDir
    Path dir;

    private static final Release R = Release.of("1.2");

    @Test
    void writesSortedDeduplicatedAndStableAndReadsItBack() {
        QueryLog log = new QueryLog(R);
        log.record("UPDATE t SET a = ? WHERE id = ?", List.of("VARCHAR", "BIGINT"), 1);
        log.record("SELECT a FROM t WHERE id = ?", List.of("BIGINT"), 1);
        log.record("UPDATE t SET a = ? WHERE id = ?", List.of("VARCHAR", "BIGINT"), 2);
        log.record("SELECT a FROM t WHERE id = ?", List.of("INTEGER"), 4);
        log.record("SELECT 'x;y' FROM t;", List.of(), 1);
        String text = ManifestFormat.render(R, "test", log.captured());
        List<ManifestFormat.Captured> reversed = new ArrayList<>(log.captured());
        Collections.reverse(reversed);
        assertThat(ManifestFormat.render(R, "test", reversed)).isEqualTo(text);
        assertThat(text).contains("""
                -- sent 1
                SELECT 'x;y' FROM t;

                -- sent 1 | params BIGINT
                SELECT a FROM t WHERE id = ?;

                -- sent 4 | params INTEGER
                SELECT a FROM t WHERE id = ?;

                -- sent 3 | params VARCHAR, BIGINT
                UPDATE t SET a = ? WHERE id = ?;
                """);
        QueryManifest m = ManifestFormat.parse(text, dir.resolve("1.2.sql"), R, SqlSyntax.POSTGRESQL);
        assertThat(m.entries()).extracting(QueryEntry::sql).containsExactly("SELECT 'x;y' FROM t",
                "SELECT a FROM t WHERE id = ?", "SELECT a FROM t WHERE id = ?", "UPDATE t SET a = ? WHERE id = ?");
        assertThat(m.entries().get(3).parameterTypes()).containsExactly("VARCHAR", "BIGINT");
        assertThat(m.entries().get(3).count()).isEqualTo(3);
        assertThat(m.entries().get(3).line()).isEqualTo(15);
    }

    @Test
    void aStatementEndingInALineCommentKeepsItsEnd() {
        QueryLog log = new QueryLog(R);
        log.record("SELECT a FROM t WHERE id = ? -- from the cache", List.of("BIGINT"), 2);
        log.record("SELECT b FROM t", List.of(), 1);
        QueryManifest m = ManifestFormat.parse(ManifestFormat.render(R, "test", log.captured()),
                dir.resolve("1.2.sql"), R, SqlSyntax.POSTGRESQL);
        assertThat(m.entries()).extracting(QueryEntry::sql).containsExactly(
                "SELECT a FROM t WHERE id = ?", "SELECT b FROM t");
        assertThat(m.entries().get(0).parameterTypes()).containsExactly("BIGINT");
    }

    @Test
    void handWrittenStatementsAndMultiStatementEntries() {
        QueryManifest m = ManifestFormat.parse("""
                SELECT 1;
                SELECT a
                  FROM t;
                -- sent 2
                BEGIN; SELECT 2; COMMIT;
                """, dir.resolve("1.2.sql"), R, SqlSyntax.POSTGRESQL);
        assertThat(m.entries()).extracting(QueryEntry::line).containsExactly(1, 2, 5);
        assertThat(m.entries()).extracting(QueryEntry::statements).containsExactly(1, 1, 3);
        assertThat(m.entries().get(0).count()).isZero();
    }

    @Test
    void badInputNamesFileAndLine() throws Exception {
        Path f = dir.resolve("1.2.sql");
        assertThatThrownBy(() -> ManifestFormat.parse("-- sent many\nSELECT 1;", f, R, SqlSyntax.POSTGRESQL))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("1.2.sql:1: 'many' is not a count");
        assertThatThrownBy(() -> ManifestFormat.parse("\n-- sent 1 | params INTEGR\nSELECT ?;", f, R, SqlSyntax.POSTGRESQL))
                .hasMessageContaining("1.2.sql:2: unknown parameter type 'INTEGR'");
        assertThatThrownBy(() -> ManifestFormat.parse("-- sent 1 | params INTEGER\nSELECT ?, ?;", f, R, SqlSyntax.POSTGRESQL))
                .hasMessageContaining("1.2.sql:1: 1 parameter type for a statement with 2 ? placeholders");
        assertThatThrownBy(() -> ManifestFormat.parse("SELECT 1;\n\nSELECT 1;", f, R, SqlSyntax.POSTGRESQL))
                .hasMessageContaining("1.2.sql:3: the same statement as line 1");
        assertThatThrownBy(() -> ManifestFormat.parse("SELECT 'open;\n", f, R, SqlSyntax.POSTGRESQL))
                .hasMessageContaining("1.2.sql:1:8:");
        assertThatThrownBy(() -> ManifestFormat.parse("SELECT 1;\n-- sent 3\n", f, R, SqlSyntax.POSTGRESQL))
                .hasMessageContaining("1.2.sql:2: a '-- sent' header without a statement");
        Files.writeString(dir.resolve("notes.sql"), "SELECT 1;");
        assertThatThrownBy(() -> QueryManifests.load(dir, true, SqlSyntax.POSTGRESQL))
                .hasMessageContaining("notes.sql: 'notes' is not a release version");
        assertThatThrownBy(() -> QueryManifests.load(dir.resolve("missing"), true, SqlSyntax.POSTGRESQL))
                .hasMessageContaining("is not a directory");
        assertThat(QueryManifests.load(dir.resolve("missing"), false, SqlSyntax.POSTGRESQL).isEmpty()).isTrue();
    }
}
