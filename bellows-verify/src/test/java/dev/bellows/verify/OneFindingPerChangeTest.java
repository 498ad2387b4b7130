package dev.bellows.verify;

import dev.bellows.db.PostgresDialect;
import dev.bellows.model.Finding;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One change is one finding: what goes with a dropped or altered table is not reported again. */
class OneFindingPerChangeTest {

    @TempDir
    Path dir;

    private VerifyReport verify(MigrationTree tree) {
        TestDatabase db = Databases.postgres();
        return Verifier.verify(tree.load(), VerifyOptions.defaults(new PostgresDialect())
                .withShadow(ShadowSpec.url(db.url(), db.user(), db.password())));
    }

    @Test
    void aSequenceOwnedByADroppedTableIsPartOfThatDrop() {
        VerifyReport r = verify(new MigrationTree(dir)
                .file("1.0/expand/001_t.sql", """
                        CREATE TABLE t (id serial PRIMARY KEY, n bigint GENERATED ALWAYS AS IDENTITY);
                        CREATE SEQUENCE t_extra_seq OWNED BY t.id;
                        CREATE SEQUENCE free_seq;
                        """)
                .file("1.1/expand/001_drop.sql", "DROP TABLE t;\nDROP SEQUENCE free_seq;\n"));
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::line)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("verify-dropped-table", 1),
                        org.assertj.core.groups.Tuple.tuple("verify-dropped-object", 2));
    }

    @Test
    void aChangeToAParentTableIsOneFindingNotOnePerChildOrPartition() {
        VerifyReport r = verify(new MigrationTree(dir)
                .file("1.0/expand/001_t.sql", """
                        CREATE TABLE event (id bigint, at date, kind text) PARTITION BY RANGE (at);
                        CREATE TABLE event_2025 PARTITION OF event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                        CREATE TABLE event_2026 PARTITION OF event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                        CREATE TABLE animal (id bigint, name text);
                        CREATE TABLE cat (whiskers int) INHERITS (animal);
                        CREATE TABLE dog (bark text) INHERITS (animal);
                        """)
                .file("1.1/expand/001_rename.sql", """
                        ALTER TABLE event RENAME COLUMN kind TO category;
                        ALTER TABLE animal RENAME COLUMN name TO label;
                        ALTER TABLE dog RENAME COLUMN bark TO woof;
                        ALTER TABLE animal ALTER COLUMN id TYPE int;
                        """)
                .file("1.1/expand/002_drop.sql", "DROP TABLE event;\n"));
        // storage findings stay per table: the type change rewrites animal, cat and dog, each under its lock
        assertThat(r.findings()).filteredOn(f -> !f.ruleId().equals("verify-rewrite")).extracting(Finding::ruleId, Finding::line)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("verify-renamed-column", 1),
                        org.assertj.core.groups.Tuple.tuple("verify-renamed-column", 2),
                        org.assertj.core.groups.Tuple.tuple("verify-renamed-column", 3),
                        org.assertj.core.groups.Tuple.tuple("verify-type-change", 4),
                        org.assertj.core.groups.Tuple.tuple("verify-dropped-table", 1));
    }

    @Test
    void aTableThatCannotBeFilledIsNotedOnceNotOncePerRelease() {
        TestDatabase db = Databases.postgres();
        VerifyReport r = Verifier.verify(new MigrationTree(dir)
                .file("1.0/expand/001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, n int CHECK (n = 42));\n")
                .file("1.1/expand/001_a.sql", "CREATE TABLE a (id int);\n")
                .file("1.2/expand/001_b.sql", "CREATE TABLE b (id int);\n")
                .file("1.3/expand/001_c.sql", "CREATE TABLE c (id int);\n").load(),
                VerifyOptions.defaults(new PostgresDialect()).withRows(20)
                        .withShadow(ShadowSpec.url(db.url(), db.user(), db.password())));
        assertThat(r.notes()).filteredOn(n -> n.startsWith("--rows: could not fill table t:")).hasSize(1);
    }
}
