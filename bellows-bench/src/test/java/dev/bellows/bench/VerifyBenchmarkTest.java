package dev.bellows.bench;

import dev.bellows.load.MigrationLoader;
import dev.bellows.model.MigrationSet;
import dev.bellows.sql.SqlSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark measures what it says: 100 migration files over 10 releases and all three phases. */
class VerifyBenchmarkTest {

    @Test
    void writesOneHundredMigrationsOverTenReleases(@TempDir Path dir) throws Exception {
        assertThat(VerifyBenchmark.writeMigrations(dir)).isEqualTo(100);
        MigrationSet set = MigrationLoader.load(dir, SqlSyntax.POSTGRESQL);
        assertThat(set.migrations()).hasSize(100);
        assertThat(set.releases()).hasSize(10);
    }
}
