package dev.bellows.verify;

import dev.bellows.ConfigurationException;
import dev.bellows.db.MySqlDialect;
import dev.bellows.db.PostgresDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default shadow: the bundled PostgreSQL, started and removed by verify. */
class EmbeddedShadowTest {

    @TempDir
    Path dir;

    @Test
    void verifiesOnTheBundledPostgresAndRefusesOtherVersions() {
        MigrationTree tree = new MigrationTree(dir)
                .file("1.0/expand/001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, legacy text);\n")
                .file("1.1/expand/001_drop.sql", "ALTER TABLE t DROP COLUMN legacy;\n");
        VerifyReport r = Verifier.verify(tree.load(), VerifyOptions.defaults(new PostgresDialect()));
        assertThat(r.server()).startsWith("PostgreSQL 17");
        assertThat(r.findings()).extracting(f -> f.ruleId()).containsExactly("verify-dropped-column");
        assertThat(r.startMillis()).isPositive();

        VerifyOptions v16 = VerifyOptions.defaults(new PostgresDialect())
                .withShadow(new ShadowSpec.Embedded(OptionalInt.of(16)));
        assertThatThrownBy(() -> Verifier.verify(tree.load(), v16)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("bundles PostgreSQL 17 only").hasMessageContaining("--shadow-url");
    }

    @Test
    void mysqlNeedsAShadowUrl() {
        MigrationTree tree = new MigrationTree(dir).file("1.0/expand/001_t.sql", "CREATE TABLE t (id int);\n");
        assertThatThrownBy(() -> Verifier.verify(tree.load(), VerifyOptions.defaults(new MySqlDialect())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("--shadow-url");
    }
}
