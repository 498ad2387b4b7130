package dev.bellows.verify;

import dev.bellows.db.MySqlDialect;
import dev.bellows.db.PostgresDialect;
import dev.bellows.model.Finding;
import dev.bellows.queries.QueryManifests;
import dev.bellows.sql.SqlSyntax;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Query manifests proved on the shadow: each failure kind (a type change under a typed parameter, a
 * view that lost a column, a changed function signature, a column contract drops), the migration
 * that broke it, statements that are skipped, and parameters of every common JDBC type that must
 * prepare.
 */
class ManifestProofTest {

    @TempDir
    Path dir;

    @Test
    void provesEachReleasesStatementsOnPostgres() throws IOException {
        MigrationTree tree = new MigrationTree(dir.resolve("migrations"))
                .file("1.0/expand/001_items.sql", """
                        CREATE TABLE items (id bigint PRIMARY KEY, code integer, name text);
                        CREATE VIEW item_names AS SELECT id, name FROM items;
                        CREATE FUNCTION price(p integer) RETURNS integer LANGUAGE sql AS $$ SELECT p * 2 $$;
                        CREATE TABLE kinds (i integer, b bigint, s smallint, v varchar(20), t text, n numeric(10,2),
                            d double precision, r real, ok boolean, day date, at time, ts timestamp,
                            tz timestamptz, bytes bytea, u uuid);
                        """)
                .file("1.1/expand/001_add.sql", "ALTER TABLE items ADD COLUMN label text;\n")
                .file("1.1/expand/002_code_to_text.sql", "\nALTER TABLE items ALTER COLUMN code TYPE text USING code::text;\n")
                .file("1.1/expand/003_view.sql", "DROP VIEW item_names;\nCREATE VIEW item_names AS SELECT id FROM items;\n")
                .file("1.1/expand/004_price.sql", """
                        DROP FUNCTION price(integer);
                        CREATE FUNCTION price(p bigint, q integer) RETURNS bigint LANGUAGE sql AS $$ SELECT p * q $$;
                        """)
                .file("1.1/contract/001_drop_name.sql", "ALTER TABLE items DROP COLUMN name;\n");
        Path queries = dir.resolve("queries");
        Files.createDirectories(queries);
        Files.writeString(queries.resolve("1.0.sql"), """
                -- sent 3 | params INTEGER
                SELECT id FROM items WHERE code = ?;

                -- sent 2
                SELECT name FROM item_names;

                -- sent 1 | params INTEGER
                SELECT price(?);

                -- sent 9 | params INTEGER, BIGINT, SMALLINT, VARCHAR, VARCHAR, NUMERIC, DOUBLE, REAL, BOOLEAN, DATE, TIME, TIMESTAMP, TIMESTAMP_WITH_TIMEZONE, VARBINARY, OTHER
                INSERT INTO kinds (i, b, s, v, t, n, d, r, ok, day, at, ts, tz, bytes, u)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

                -- sent 4
                SET search_path TO public;

                -- sent 1
                SELECT 1; SELECT 2;
                """);
        Files.writeString(queries.resolve("1.1.sql"), """
                -- sent 5 | params BIGINT
                SELECT id, name, label FROM items WHERE id = ?;

                -- sent 5 | params VARCHAR, BIGINT
                UPDATE items SET label = ? WHERE id = ?;
                """);
        TestDatabase db = Databases.postgres();
        VerifyReport r = Verifier.verify(tree.load(), VerifyOptions.defaults(new PostgresDialect())
                .withShadow(ShadowSpec.url(db.url(), db.user(), db.password()))
                .withQueries(QueryManifests.load(queries, true, SqlSyntax.POSTGRESQL)));
        List<Finding> failed = r.findings("verify-query-fails");
        String all = TextReport.render(r, false);
        assertThat(failed).as(all).extracting(f -> f.file() + ":" + f.line())
                .containsExactlyInAnyOrder(p("queries/1.0.sql") + ":2", p("queries/1.0.sql") + ":5",
                        p("queries/1.0.sql") + ":8", p("queries/1.1.sql") + ":2");
        assertThat(message(failed, 2, "1.0")).contains("release 1.0 sends `SELECT id FROM items WHERE code = ?`",
                "after expand 1.1", "operator does not exist: text = integer",
                "broken by " + p("migrations/1.1/expand/002_code_to_text.sql") + ":2");
        assertThat(message(failed, 5, "1.0")).contains("column \"name\" does not exist",
                "broken by " + p("migrations/1.1/expand/003_view.sql") + ":1");
        assertThat(message(failed, 8, "1.0")).contains("function price(integer) does not exist",
                "broken by " + p("migrations/1.1/expand/004_price.sql") + ":1");
        assertThat(message(failed, 2, "1.1")).contains("release 1.1", "after contract 1.1",
                "column \"name\" does not exist", "broken by " + p("migrations/1.1/contract/001_drop_name.sql") + ":1");
        assertThat(r.notes()).anyMatch(n -> n.contains("1.0.sql: 2 statements skipped")
                && n.contains("line 15 (SET is not a query") && n.contains("line 18 (several statements"));
        assertThat(r.notes()).anyMatch(n -> n.contains("6 statements of 2 releases") && n.contains("4 failed, 2 skipped"));
    }

    @Test
    void provesStatementsOnMariaDbWithServerSidePrepare() throws IOException {
        MigrationTree tree = new MigrationTree(dir.resolve("migrations"))
                .file("1.0/expand/001_t.sql", """
                        CREATE TABLE t (id int PRIMARY KEY, name varchar(50), legacy text);
                        CREATE VIEW t_names AS SELECT id, name FROM t;
                        CREATE TABLE kinds (i int, b bigint, s smallint, v varchar(20), x text, n decimal(10,2),
                            d double, r float, ok boolean, day date, at time, ts datetime, tz timestamp NULL,
                            bytes varbinary(16), u char(36));
                        """)
                .file("1.1/expand/001_add.sql", "ALTER TABLE t ADD COLUMN email varchar(100);\n")
                .file("1.1/expand/002_drop.sql", "ALTER TABLE t DROP COLUMN legacy;\n")
                .file("1.1/expand/003_view.sql", "CREATE OR REPLACE VIEW t_names AS SELECT id FROM t;\n")
                .file("1.1/contract/001_drop_name.sql", "ALTER TABLE t DROP COLUMN name;\n");
        Path queries = dir.resolve("queries");
        Files.createDirectories(queries);
        Files.writeString(queries.resolve("1.0.sql"), """
                -- sent 2 | params INTEGER
                SELECT legacy FROM t WHERE id = ?;

                -- sent 2 | params VARCHAR, INTEGER
                UPDATE t SET name = ? WHERE id = ?;

                -- sent 7
                SELECT `name` FROM `t` WHERE `id` IN (...);

                -- sent 3
                SELECT name FROM t_names;

                -- sent 9 | params INTEGER, BIGINT, SMALLINT, VARCHAR, VARCHAR, NUMERIC, DOUBLE, REAL, BOOLEAN, DATE, TIME, TIMESTAMP, TIMESTAMP_WITH_TIMEZONE, VARBINARY, OTHER
                INSERT INTO kinds (i, b, s, v, x, n, d, r, ok, day, at, ts, tz, bytes, u)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

                -- sent 4
                SET NAMES utf8mb4;

                -- sent 1
                SELECT 1; SELECT 2;
                """);
        Files.writeString(queries.resolve("1.1.sql"), """
                -- sent 5 | params INTEGER
                SELECT id, name, email FROM t WHERE id = ?;

                -- sent 5 | params VARCHAR, INTEGER
                UPDATE t SET email = ? WHERE id = ?;
                """);
        TestDatabase db = Databases.mariadb();
        VerifyReport r = Verifier.verify(tree.load(SqlSyntax.MYSQL), VerifyOptions.defaults(new MySqlDialect())
                .withShadow(ShadowSpec.url(db.url(), db.user(), db.password()))
                .withQueries(QueryManifests.load(queries, true, SqlSyntax.MYSQL)));
        List<Finding> failed = r.findings("verify-query-fails");
        String all = TextReport.render(r, false);
        assertThat(failed).as(all).extracting(f -> f.file() + ":" + f.line())
                .containsExactlyInAnyOrder(p("queries/1.0.sql") + ":2", p("queries/1.0.sql") + ":11",
                        p("queries/1.1.sql") + ":2");
        assertThat(message(failed, 2, "1.0")).contains("release 1.0", "after expand 1.1", "Unknown column 'legacy'",
                "broken by " + p("migrations/1.1/expand/002_drop.sql") + ":1");
        assertThat(message(failed, 11, "1.0")).contains("after expand 1.1", "Unknown column 'name'",
                "broken by " + p("migrations/1.1/expand/003_view.sql") + ":1");
        assertThat(message(failed, 2, "1.1")).contains("release 1.1", "after contract 1.1", "Unknown column 'name'",
                "broken by " + p("migrations/1.1/contract/001_drop_name.sql") + ":1");
        assertThat(r.notes()).anyMatch(n -> n.contains("line 8 (shortened by the server's statement statistics"));
        assertThat(r.notes()).anyMatch(n -> n.contains("line 18 (SET is not a query") && n.contains("line 21 (several statements"));
        assertThat(r.notes()).anyMatch(n -> n.contains("6 statements of 2 releases") && n.contains("3 failed, 3 skipped"));
    }

    private String p(String relative) {
        return dev.bellows.load.Paths.display(dir.resolve(relative));
    }

    private static String message(List<Finding> findings, int line, String release) {
        return findings.stream().filter(f -> f.line() == line && f.file().endsWith(release + ".sql")).findFirst()
                .orElseThrow().message();
    }
}
