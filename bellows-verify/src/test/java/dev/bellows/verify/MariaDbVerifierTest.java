package dev.bellows.verify;

import dev.bellows.db.MySqlDialect;
import dev.bellows.model.Finding;
import dev.bellows.sql.SqlSyntax;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Catalog-diff verdicts on MariaDB through information_schema (locks and rewrites are not observed there). */
class MariaDbVerifierTest {

    @TempDir
    Path dir;

    @Test
    void catalogVerdictsOnMariaDb() {
        MigrationTree tree = new MigrationTree(dir)
                .file("1.0/expand/001_t.sql", """
                        CREATE TABLE t (id int PRIMARY KEY, name varchar(50), legacy text, n int DEFAULT 1);
                        INSERT INTO t (id, name) VALUES (1, 'a');
                        """)
                .file("1.1/expand/001_changes.sql", """
                        ALTER TABLE t DROP COLUMN legacy;
                        ALTER TABLE t MODIFY name varchar(200);
                        ALTER TABLE t ADD COLUMN email varchar(100);
                        ALTER TABLE t ALTER COLUMN n DROP DEFAULT;
                        """)
                .file("1.1/expand/002_rename.sql", "ALTER TABLE t RENAME COLUMN name TO full_name;\n")
                .file("1.1/migrate/001_index.sql", "CREATE INDEX t_name ON t (full_name);\n")
                .file("1.1/contract/001_drop.sql", "ALTER TABLE t DROP COLUMN email;\n");
        TestDatabase db = Databases.mariadb();
        VerifyReport r = Verifier.verify(tree.load(SqlSyntax.MYSQL), VerifyOptions.defaults(new MySqlDialect())
                .withShadow(ShadowSpec.url(db.url(), db.user(), db.password())));
        assertThat(r.server()).startsWith("MariaDB");
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("verify-dropped-column",
                "verify-default-dropped", "verify-renamed-column", "verify-migrate-schema-change",
                "verify-contract-removes-new");
        assertThat(r.findings()).extracting(Finding::line).containsExactly(1, 4, 1, 1, 1);
        assertThat(r.findings().get(2).message()).contains("renamed column t.name to t.full_name");
    }
}
