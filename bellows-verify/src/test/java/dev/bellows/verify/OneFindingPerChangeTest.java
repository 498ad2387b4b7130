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
}
