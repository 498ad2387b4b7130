package dev.bellows.verify;

import dev.bellows.db.PostgresDialect;
import dev.bellows.model.Finding;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Statements that cannot run in a transaction: locks sampled from a second connection while they run. */
class OutsideTransactionTest {

    @TempDir
    Path dir;

    @Test
    void concurrentBuildHoldsShareUpdateExclusiveAndVacuumFullRewritesUnderAccessExclusive() {
        MigrationTree tree = new MigrationTree(dir)
                .file("1.0/expand/001_t.sql", """
                        CREATE TABLE t (id int PRIMARY KEY, n int, s text);
                        INSERT INTO t SELECT g, g, md5(g::text) FROM generate_series(1, 300000) g;
                        """)
                .file("1.1/expand/001_index.sql", "CREATE INDEX CONCURRENTLY t_s_idx ON t (s);\n")
                .file("1.1/contract/001_vacuum.sql", "VACUUM FULL t;\n");
        TestDatabase db = Databases.postgres();
        VerifyReport r = Verifier.verify(tree.load(), VerifyOptions.defaults(new PostgresDialect())
                .withShadow(ShadowSpec.url(db.url(), db.user(), db.password())));
        StatementObservation cic = r.migrations().get(1).statements().get(0);
        assertThat(cic.transactional()).isFalse();
        assertThat(cic.locks()).extracting(LockObservation::mode).containsExactly(LockMode.SHARE_UPDATE_EXCLUSIVE);
        assertThat(cic.locks().get(0).sampled()).isTrue();
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("verify-rewrite");
        assertThat(r.findings().get(0).file()).contains("contract");
        assertThat(r.findings().get(0).message()).contains("rewrote table t", "300,000 rows", "ACCESS EXCLUSIVE");
    }
}
