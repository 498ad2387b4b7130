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

    private VerifyReport verifyWithRows(MigrationTree tree, int rows) {
        TestDatabase db = Databases.postgres();
        return Verifier.verify(tree.load(), VerifyOptions.defaults(new PostgresDialect())
                .withShadow(ShadowSpec.url(db.url(), db.user(), db.password())).withRows(rows));
    }

    @Test
    void foreignKeyAddedNotValidAndValidatedLaterPassesOnGeneratedRowsThatReferenceRealParents() {
        MigrationTree tree = new MigrationTree(dir.resolve("m"))
                .file("1.0/expand/001_schema.sql", """
                        CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL);
                        CREATE TABLE orders (id serial PRIMARY KEY, user_id int NOT NULL, total numeric(8,2));
                        """)
                .file("1.1/expand/001_fk.sql", """
                        ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
                            NOT VALID;
                        """)
                .file("1.1/contract/001_validate.sql", "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;\n")
                .file("1.2/expand/001_more.sql", "ALTER TABLE orders ADD COLUMN note text;\n");
        VerifyReport r = verifyWithRows(tree, 100);
        assertThat(r.findings("verify-failed")).isEmpty();
        assertThat(r.failed()).isFalse();
        assertThat(r.notes()).noneMatch(n -> n.contains("generated rows"));
        assertThat(r.migrations()).hasSize(4);
        // VALIDATE really checked the 100 generated orders (under SHARE UPDATE EXCLUSIVE: not flagged)
        StatementObservation validate = r.migrations().get(2).statements().get(0);
        assertThat(validate.failed()).isFalse();
        assertThat(validate.scans()).anySatisfy(sc -> {
            assertThat(sc.name()).isEqualTo("orders");
            assertThat(sc.rowsRead()).isGreaterThanOrEqualTo(100);
        });
        assertThat(r.findings("verify-locked-scan")).isEmpty();
    }

    @Test
    void aConstraintThatFailsOnlyOnGeneratedRowsIsANoteAndTheRunGoesOn() {
        MigrationTree tree = new MigrationTree(dir.resolve("m"))
                .file("1.0/expand/001_schema.sql", "CREATE TABLE t (id int PRIMARY KEY, n int);\n")
                .file("1.1/expand/001_check.sql", "ALTER TABLE t ADD CONSTRAINT n_pos CHECK (n > 0) NOT VALID;\n")
                .file("1.1/contract/001_validate.sql", "ALTER TABLE t VALIDATE CONSTRAINT n_pos;\n")
                .file("1.2/expand/001_more.sql", "ALTER TABLE t ADD COLUMN note text;\n");
        VerifyReport r = verifyWithRows(tree, 50);
        assertThat(r.findings("verify-failed")).isEmpty();
        assertThat(r.failed()).isFalse();
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("001_validate.sql:1 failed on the generated rows",
                "SQLSTATE 23514", "removed them (50 rows)", "--seed RELEASE=FILE"));
        assertThat(r.migrations()).hasSize(4).allSatisfy(m -> assertThat(m.failed()).isFalse());
        assertThat(TextReport.render(r, false)).contains("note: --rows:", ": passed");
    }

    @Test
    void generatedRowsOfATableWithoutPrimaryKeyAreRemovedByTheirValuesAndOnlyThey() throws Exception {
        MigrationTree tree = new MigrationTree(dir.resolve("m"))
                .file("1.0/expand/001_schema.sql", """
                        CREATE TABLE log (n int, msg text);
                        INSERT INTO log VALUES (7, 'real');
                        """)
                .file("1.1/expand/001_check.sql", "ALTER TABLE log ADD CONSTRAINT n_pos CHECK (n > 0) NOT VALID;\n")
                .file("1.1/contract/001_validate.sql", "ALTER TABLE log VALIDATE CONSTRAINT n_pos;\n")
                .file("1.2/expand/001_more.sql", "ALTER TABLE log ADD COLUMN at date;\n");
        TestDatabase db = Databases.postgres();
        VerifyOptions options = VerifyOptions.defaults(new PostgresDialect())
                .withShadow(ShadowSpec.url(db.url(), db.user(), db.password())).withRows(20);
        try (PositionedShadow s = Verifier.positionAt(tree.load(), options,
                new Checkpoint(Release.of("1.1"), Phase.CONTRACT))) {
            assertThat(s.report().failed()).isFalse();
            assertThat(s.report().notes()).anySatisfy(n -> assertThat(n).contains("removed them (19 rows)"));
            assertThat(count(s, "log")).isEqualTo(1);
            try (var c = s.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT msg FROM log")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("real");
            }
        }
    }

    @Test
    void aConstraintThatFailsOnRealRowsStillFailsWithRows() {
        MigrationTree tree = new MigrationTree(dir.resolve("m"))
                .file("1.0/expand/001_schema.sql", """
                        CREATE TABLE t (id int PRIMARY KEY, n int);
                        INSERT INTO t VALUES (100000, -1);
                        """)
                .file("1.1/expand/001_check.sql", "ALTER TABLE t ADD CONSTRAINT n_pos CHECK (n > 0) NOT VALID;\n")
                .file("1.1/contract/001_validate.sql", "ALTER TABLE t VALIDATE CONSTRAINT n_pos;\n");
        VerifyReport r = verifyWithRows(tree, 50);
        assertThat(r.findings("verify-failed")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("SQLSTATE 23514"));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("and again after Bellows removed the ones it "
                + "could still find (49 rows)", "the failure is real"));
        assertThat(r.failed()).isTrue();
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
