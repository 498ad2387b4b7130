package dev.bellows.verify;

import dev.bellows.ConfigurationException;
import dev.bellows.db.PostgresDialect;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --rows and --seed: data in pre-existing tables, so rewrites and scans are measured on rows. */
class ShadowDataTest {

    @TempDir
    Path dir;

    private static final String SCHEMA = """
            CREATE TYPE mood AS ENUM ('happy', 'sad');
            CREATE TABLE authors (id bigserial PRIMARY KEY, email varchar(40) NOT NULL UNIQUE, born date,
                                  m mood NOT NULL, active boolean NOT NULL, score numeric(6,2) NOT NULL);
            CREATE TABLE books (id int PRIMARY KEY, author_id bigint NOT NULL REFERENCES authors (id),
                                title text NOT NULL, isbn char(13) UNIQUE, meta jsonb, uid uuid NOT NULL,
                                added timestamptz NOT NULL);
            """;

    private static long count(PositionedShadow s, String table) throws Exception {
        try (var c = s.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void syntheticRowsFillEveryTableRespectingKeysAndForeignKeys() throws Exception {
        MigrationTree tree = new MigrationTree(dir.resolve("m"))
                .file("1.0/expand/001_schema.sql", SCHEMA)
                .file("1.1/expand/001_widen.sql", "ALTER TABLE books ALTER COLUMN id TYPE bigint;\n");
        TestDatabase db = Databases.postgres();
        VerifyOptions options = VerifyOptions.defaults(new PostgresDialect())
                .withShadow(ShadowSpec.url(db.url(), db.user(), db.password())).withRows(500);
        try (PositionedShadow s = Verifier.positionAt(tree.load(), options,
                new Checkpoint(Release.of("1.1"), Phase.EXPAND))) {
            assertThat(s.report().notes()).isEmpty();
            assertThat(count(s, "authors")).isEqualTo(500);
            assertThat(count(s, "books")).isEqualTo(500);
            assertThat(s.report().findings("verify-rewrite")).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("rewrote table books", "500 rows"));
        }
    }

    @Test
    void seedRunsAfterItsRelease() throws Exception {
        MigrationTree tree = new MigrationTree(dir.resolve("m"))
                .file("1.0/expand/001_schema.sql", "CREATE TABLE t (id int PRIMARY KEY, n int);\n")
                .file("1.1/expand/001_check.sql", "ALTER TABLE t ADD CONSTRAINT n_pos CHECK (n > 0);\n");
        Path seed = dir.resolve("seed.sql");
        Files.writeString(seed, "INSERT INTO t SELECT g, g FROM generate_series(1, 250) g;\n");
        TestDatabase db = Databases.postgres();
        VerifyOptions options = VerifyOptions.defaults(new PostgresDialect())
                .withShadow(ShadowSpec.url(db.url(), db.user(), db.password()))
                .withSeeds(List.of(Seed.parse("1.0=" + seed)));
        VerifyReport r = Verifier.verify(tree.load(), options);
        assertThat(r.findings("verify-locked-scan")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains("250 rows read", "ACCESS EXCLUSIVE");
                    assertThat(f.help()).last().asString().contains("ALTER TABLE t VALIDATE CONSTRAINT n_pos");
                });
    }

    @Test
    void seedOfAnUnknownReleaseIsAUsageError() {
        MigrationTree tree = new MigrationTree(dir.resolve("m"))
                .file("1.0/expand/001_schema.sql", "CREATE TABLE t (id int);\n");
        VerifyOptions options = VerifyOptions.defaults(new PostgresDialect())
                .withSeeds(List.of(Seed.parse("2.0=" + dir.resolve("seed.sql"))));
        assertThatThrownBy(() -> Verifier.verify(tree.load(), options)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("2.0 is not a release").hasMessageContaining("releases: 1.0");
        assertThatThrownBy(() -> Seed.parse("seed.sql")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("RELEASE=FILE");
    }
}
