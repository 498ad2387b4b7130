package dev.bellows.lint;

import dev.bellows.model.Finding;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.sql.SqlSplitter;
import dev.bellows.sql.SqlStatement;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12's misses and false alarms, each checked on a real server first (what PostgreSQL or
 * MariaDB really does: a failed statement, a blocked query, a new relfilenode, a sequential scan),
 * then against lint's verdict on the same SQL: release 1.0's expand is the history, the statements
 * under test are release 2.0's file in the given phase.
 */
class RealMigrationAccuracyTest {

    private static final LintOptions PG = LintOptions.of(LintDialect.POSTGRESQL);
    private static final LintOptions MARIADB = LintOptions.of(LintDialect.MYSQL).withMysqlVersion(ServerVersion.parse("10.11"));

    private static Set<String> lint(LintOptions o, String history, Phase phase, String sql) {
        LintReport r = Linter.lint(List.of(
                InlineMigration.of(o.dialect(), Release.of("1.0"), Phase.EXPAND, 1, "h.sql", history),
                InlineMigration.of(o.dialect(), Release.of("2.0"), phase, 1, "c.sql", sql)), o);
        return r.active().stream().filter(f -> f.file().equals("c.sql")).map(Finding::ruleId).collect(Collectors.toSet());
    }

    /** Runs a file's statements on one connection, as the runner does (PostgreSQL: in one transaction). */
    private static void runFile(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (SqlStatement s : SqlSplitter.split(sql, db.dialect().syntax()).statements()) {
                st.execute(s.sql());
            }
            c.commit();
        }
    }

    private static long relfilenode(TestDatabase db, String relation) throws SQLException {
        return db.count("SELECT relfilenode FROM pg_class WHERE relname = '" + relation + "'");
    }

    /** Sequential scans of table t that {@code sql} causes, counted inside its own transaction (exact, no stats delay). */
    private static long seqScans(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (SqlStatement s : SqlSplitter.split(sql, db.dialect().syntax()).statements()) {
                st.execute(s.sql());
            }
            try (ResultSet rs = st.executeQuery("SELECT coalesce(sum(seq_scan), 0) FROM pg_stat_xact_user_tables "
                    + "WHERE relname = 't'")) {
                rs.next();
                long n = rs.getLong(1);
                c.rollback();
                return n;
            }
        }
    }

    // ---- misses ----

    @Test
    void columnAddedToAnExistingTableThenSetNotNullBreaksReleaseNMinus1() throws SQLException {
        String history = "CREATE TABLE t (id int PRIMARY KEY)";
        String expand = "ALTER TABLE t ADD COLUMN c text; ALTER TABLE t ALTER COLUMN c SET NOT NULL";
        TestDatabase db = Databases.postgres();
        db.execute(history);
        runFile(db, expand);
        assertThatThrownBy(() -> db.execute("INSERT INTO t (id) VALUES (1)")) // release N-1's insert
                .hasMessageContaining("null value");
        assertThat(lint(PG, history, Phase.EXPAND, expand)).contains("expand-set-not-null", "pg-set-not-null-scan");
        assertThat(lint(PG, "SELECT 1", Phase.EXPAND, "CREATE TABLE t (id int); " + expand))
                .as("a new table is exempt").isEmpty();
    }

    @Test
    void validationInTheSameTransactionScansUnderTheFirstStatementsLock() throws SQLException {
        String history = "CREATE TABLE t (id int PRIMARY KEY, a int)";
        String file = "ALTER TABLE t ADD CONSTRAINT t_a_pos CHECK (a > 0) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT t_a_pos";
        TestDatabase db = Databases.postgres();
        db.execute(history, "INSERT INTO t VALUES (1, 1)");
        try (Connection migrator = db.connect(); Statement st = migrator.createStatement()) {
            migrator.setAutoCommit(false);
            st.execute("ALTER TABLE t ADD CONSTRAINT t_a_pos CHECK (a > 0) NOT VALID");
            st.execute("ALTER TABLE t VALIDATE CONSTRAINT t_a_pos"); // the scan runs here, under the lock below
            try (Connection app = db.connect(); Statement q = app.createStatement()) {
                q.execute("SET lock_timeout = '200ms'");
                assertThatThrownBy(() -> q.executeQuery("SELECT count(*) FROM t")).hasMessageContaining("lock timeout");
            }
            migrator.rollback();
        }
        assertThat(lint(PG, history, Phase.CONTRACT, file)).contains("pg-validate-in-same-transaction");
        assertThat(lint(PG, history + "; ALTER TABLE t ADD CONSTRAINT t_a_pos CHECK (a > 0) NOT VALID", Phase.CONTRACT,
                "ALTER TABLE t VALIDATE CONSTRAINT t_a_pos")).isEmpty();
    }

    @Test
    void enumSwappedByRenameRewritesTheColumnsTable() throws SQLException {
        String history = "CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TABLE t (id int PRIMARY KEY, m mood)";
        String file = "ALTER TYPE mood RENAME TO mood_old; CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); "
                + "ALTER TABLE t ALTER COLUMN m TYPE mood USING m::text::mood; DROP TYPE mood_old";
        TestDatabase db = Databases.postgres();
        runFile(db, history);
        db.execute("INSERT INTO t VALUES (1, 'ok')");
        long before = relfilenode(db, "t");
        runFile(db, file);
        assertThat(relfilenode(db, "t")).as("rewritten").isNotEqualTo(before);
        assertThat(lint(PG, history, Phase.CONTRACT, file)).contains("pg-rewriting-type-change")
                .doesNotContain("contract-rename");
    }

    @Test
    void doBlocksAreLintedAndDynamicSqlIsNamed() throws SQLException {
        String history = "CREATE TABLE t (id int PRIMARY KEY, a int, c text)";
        String file = "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 't') THEN\n"
                + "  ALTER TABLE t DROP COLUMN c;\nEND IF; END $$";
        TestDatabase db = Databases.postgres();
        db.execute(history);
        runFile(db, file);
        assertThat(db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 't' "
                + "AND column_name = 'c'")).as("the block dropped the column").isZero();
        assertThat(lint(PG, history, Phase.EXPAND, file)).contains("expand-drop-column");
        LintReport r = Linter.lintSql(file, "c.sql", Phase.EXPAND, PG);
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("expand-drop-column"))
                .first().extracting(Finding::line).isEqualTo(2);
        assertThat(lint(PG, history, Phase.EXPAND, "DO $$ BEGIN EXECUTE 'ALTER TABLE t DROP COLUMN ' || 'a'; END $$"))
                .contains("unchecked-dynamic-sql");
    }

    @Test
    void aRoutineTheFileCreatesAndCallsIsLintedWhereItRuns() throws SQLException {
        String history = "CREATE TABLE t (id int PRIMARY KEY, a int, c text)";
        String file = "CREATE FUNCTION cleanup() RETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n"
                + "  ALTER TABLE t DROP COLUMN c;\nEND $$;\nSELECT cleanup();";
        TestDatabase db = Databases.postgres();
        db.execute(history);
        runFile(db, file);
        assertThat(db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 't' "
                + "AND column_name = 'c'")).as("the call dropped the column").isZero();
        assertThat(lint(PG, history, Phase.EXPAND, file)).contains("expand-drop-column");
        LintReport r = Linter.lintSql(file, "c.sql", Phase.EXPAND, PG);
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("expand-drop-column"))
                .first().extracting(Finding::line).as("the body's own line").isEqualTo(3);
        String createdOnly = file.substring(0, file.indexOf("SELECT"));
        assertThat(lint(PG, history, Phase.EXPAND, createdOnly)).as("created, never called: nothing runs")
                .doesNotContain("expand-drop-column");
        assertThat(lint(PG, history, Phase.EXPAND, "CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN EXECUTE "
                + "'ALTER TABLE t DROP COLUMN ' || 'a'; END $$;\nCALL p();")).contains("unchecked-dynamic-sql");
    }

    @Test
    void mysqlRoutineWithoutDelimiterIsOneStatementOnMariaDb() throws SQLException {
        String file = "CREATE PROCEDURE cleanup() BEGIN DROP TABLE IF EXISTS tmp_import; END;\nCALL cleanup()";
        TestDatabase db = Databases.mariadb();
        db.execute("CREATE TABLE tmp_import (id int)");
        runFile(db, file);
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = database() "
                + "AND table_name = 'tmp_import'")).isZero();
        assertThat(lint(MARIADB, "CREATE TABLE keep_me (id int)", Phase.EXPAND,
                "CREATE PROCEDURE cleanup() BEGIN DROP TABLE IF EXISTS tmp_import; END")).isEmpty();
    }

    // ---- new hazard classes ----

    @Test
    void inPlaceTypeChangeRechecksCheckConstraintsWithAScan() throws SQLException {
        String checked = "CREATE TABLE t (id int PRIMARY KEY, c varchar(20) CONSTRAINT c_set CHECK (c <> ''))";
        String plain = "CREATE TABLE t (id int PRIMARY KEY, c varchar(20))";
        String alter = "ALTER TABLE t ALTER COLUMN c TYPE varchar(40)";
        TestDatabase a = Databases.postgres();
        a.execute(checked, "INSERT INTO t VALUES (1, 'x')");
        TestDatabase b = Databases.postgres();
        b.execute(plain, "INSERT INTO t VALUES (1, 'x')");
        assertThat(seqScans(a, alter)).as("with a CHECK").isPositive();
        assertThat(seqScans(b, alter)).as("without").isZero();
        assertThat(lint(PG, checked, Phase.CONTRACT, alter)).contains("pg-type-change-check-scan");
        assertThat(lint(PG, plain, Phase.CONTRACT, alter)).isEmpty();
    }

    @Test
    void defaultFromAVolatileUserFunctionRewrites() throws SQLException {
        String history = "CREATE TABLE t (id int PRIMARY KEY); "
                + "CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$; "
                + "CREATE FUNCTION fixed_code() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'x' $$";
        TestDatabase db = Databases.postgres();
        runFile(db, history);
        db.execute("INSERT INTO t VALUES (1)");
        long before = relfilenode(db, "t");
        db.execute("ALTER TABLE t ADD COLUMN fixed text DEFAULT fixed_code()");
        assertThat(relfilenode(db, "t")).as("immutable: no rewrite").isEqualTo(before);
        db.execute("ALTER TABLE t ADD COLUMN code text DEFAULT next_code()");
        assertThat(relfilenode(db, "t")).as("volatile: rewrite").isNotEqualTo(before);
        assertThat(lint(PG, history, Phase.EXPAND, "ALTER TABLE t ADD COLUMN code text DEFAULT next_code()"))
                .contains("pg-volatile-default");
        assertThat(lint(PG, history, Phase.EXPAND, "ALTER TABLE t ADD COLUMN fixed text DEFAULT fixed_code()"))
                .isEmpty();
    }

    @Test
    void domainConstraintScansEveryTableOfTheDomain() throws SQLException {
        String history = "CREATE DOMAIN positive AS int; CREATE TABLE t (id int PRIMARY KEY, n positive)";
        TestDatabase db = Databases.postgres();
        runFile(db, history);
        db.execute("INSERT INTO t VALUES (1, 5)");
        String add = "ALTER DOMAIN positive ADD CONSTRAINT positive_check CHECK (VALUE > 0)";
        assertThat(seqScans(db, add)).isPositive();
        assertThat(seqScans(db, add + " NOT VALID")).isZero();
        assertThat(lint(PG, history, Phase.CONTRACT, add)).contains("pg-alter-domain-add-constraint");
        assertThat(lint(PG, history, Phase.CONTRACT, add + " NOT VALID")).isEmpty();
    }

    @Test
    void jsonColumnBreaksSelectDistinctOfReleaseNMinus1() throws SQLException {
        String history = "CREATE TABLE t (id int PRIMARY KEY, a int)";
        TestDatabase db = Databases.postgres();
        db.execute(history, "INSERT INTO t VALUES (1, 1)", "ALTER TABLE t ADD COLUMN b jsonb");
        db.execute("SELECT DISTINCT * FROM t");
        db.execute("ALTER TABLE t ADD COLUMN meta json");
        assertThatThrownBy(() -> db.execute("SELECT DISTINCT * FROM t")).hasMessageContaining("equality operator");
        assertThat(lint(PG, history, Phase.EXPAND, "ALTER TABLE t ADD COLUMN meta json")).contains("expand-add-json-column");
        assertThat(lint(PG, history, Phase.EXPAND, "ALTER TABLE t ADD COLUMN meta jsonb")).isEmpty();
    }

    @Test
    void droppingTheDefaultOfANewNotNullColumnBreaksReleaseNMinus1() throws SQLException {
        String history = "CREATE TABLE t (id int PRIMARY KEY)";
        String expand = "ALTER TABLE t ADD COLUMN d int NOT NULL DEFAULT 0; ALTER TABLE t ALTER COLUMN d DROP DEFAULT";
        TestDatabase db = Databases.postgres();
        db.execute(history);
        runFile(db, expand);
        assertThatThrownBy(() -> db.execute("INSERT INTO t (id) VALUES (1)")).hasMessageContaining("null value");
        assertThat(lint(PG, history, Phase.EXPAND, expand)).contains("expand-drop-default");
    }

    @Test
    void notNullColumnWithoutDefaultInContractFailsOnAPopulatedTable() throws SQLException {
        String history = "CREATE TABLE t (id int PRIMARY KEY)";
        TestDatabase db = Databases.postgres();
        db.execute(history, "INSERT INTO t VALUES (1)");
        assertThatThrownBy(() -> db.execute("ALTER TABLE t ADD COLUMN d int NOT NULL")).hasMessageContaining("null values");
        assertThat(lint(PG, history, Phase.CONTRACT, "ALTER TABLE t ADD COLUMN d int NOT NULL"))
                .contains("contract-add-not-null-column");
        assertThat(lint(MARIADB, history, Phase.CONTRACT, "ALTER TABLE t ADD COLUMN d int NOT NULL"))
                .contains("contract-add-not-null-column");
    }

    @Test
    void renameInContractBreaksTheRunningRelease() throws SQLException {
        String history = "CREATE TABLE t (id int PRIMARY KEY, c text)";
        TestDatabase db = Databases.postgres();
        db.execute(history, "ALTER TABLE t RENAME COLUMN c TO c_old");
        assertThatThrownBy(() -> db.execute("SELECT c FROM t")).hasMessageContaining("does not exist");
        assertThat(lint(PG, history, Phase.CONTRACT, "ALTER TABLE t RENAME COLUMN c TO c_old")).contains("contract-rename");
        assertThat(lint(MARIADB, history, Phase.CONTRACT, "RENAME TABLE t TO t_old")).contains("contract-rename");
    }

    @Test
    void transactionControlAndSessionSettings() throws SQLException {
        TestDatabase db = Databases.postgres();
        db.execute("CREATE TABLE t (id int PRIMARY KEY, at timestamptz)");
        db.execute("SET TIME ZONE 'Europe/Berlin'; INSERT INTO t VALUES (1, '2026-01-01 09:00')");
        db.execute("SET TIME ZONE 'UTC'; INSERT INTO t VALUES (2, '2026-01-01 09:00')");
        assertThat(db.count("SELECT count(DISTINCT at) FROM t")).as("the setting changed the stored value").isEqualTo(2);
        assertThat(Linter.lintSql("SET TIME ZONE 'Europe/Berlin'; INSERT INTO t VALUES (1, '2026-01-01 09:00')",
                "c.sql", Phase.MIGRATE, PG).findings()).extracting(Finding::ruleId).contains("session-setting");
        assertThat(Linter.lintSql("BEGIN; CREATE TABLE x (id int)", "c.sql", Phase.EXPAND, PG).findings())
                .extracting(Finding::ruleId).contains("transaction-control");
        assertThat(Linter.lintSql("SET foreign_key_checks = 0", "c.sql", Phase.EXPAND, MARIADB).findings())
                .extracting(Finding::ruleId).contains("session-setting");
    }

    @Test
    void dropDatabaseAndSchemaRename() throws SQLException {
        TestDatabase db = Databases.postgres();
        db.execute("CREATE SCHEMA billing", "CREATE TABLE billing.invoices (id int)", "ALTER SCHEMA billing RENAME TO billing_old");
        assertThatThrownBy(() -> db.execute("SELECT * FROM billing.invoices")).hasMessageContaining("does not exist");
        assertThat(lint(PG, "CREATE SCHEMA billing", Phase.EXPAND, "ALTER SCHEMA billing RENAME TO billing_old"))
                .contains("expand-rename-object");
        assertThat(lint(PG, "SELECT 1", Phase.CONTRACT, "DROP DATABASE legacy")).contains("drop-database");
        assertThat(lint(MARIADB, "SELECT 1", Phase.EXPAND, "DROP DATABASE IF EXISTS legacy")).contains("drop-database")
                .doesNotContain("expand-drop-object");
    }

    // ---- false alarms ----

    /** Type changes PostgreSQL does in place (no new relfilenode): lint must not call them rewrites. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "text           | citext         | ''                          | false",
            "citext         | text           | ''                          | false",
            "text           | citext         | CREATE INDEX t_c ON t (c)   | true",
            "timestamp(3)   | timestamp(6)   | ''                          | false",
            "timestamptz(0) | timestamptz    | ''                          | false",
            "time(0)        | time(3)        | ''                          | false",
            "interval(0)    | interval       | ''                          | false",
            "timestamp(6)   | timestamp(3)   | ''                          | true",
            "timestamp      | timestamptz    | SET TIME ZONE 'UTC'         | false",
            "timestamp      | timestamptz    | SET TIME ZONE 'Europe/Berlin' | true"})
    void typeChangesLintCallsRewritesAreRewrites(String from, String to, String before, boolean expectRewrite)
            throws SQLException {
        TestDatabase db = Databases.postgres();
        String history = "CREATE EXTENSION IF NOT EXISTS citext; CREATE TABLE t (id int PRIMARY KEY, c " + from + ")"
                + (before.startsWith("CREATE") ? "; " + before : "");
        runFile(db, history);
        db.execute("INSERT INTO t (id) VALUES (1)");
        String file = (before.startsWith("SET") ? before + "; " : "") + "ALTER TABLE t ALTER COLUMN c TYPE " + to;
        long table = relfilenode(db, "t");
        long index = before.startsWith("CREATE") ? relfilenode(db, "t_c") : 0;
        runFile(db, file);
        boolean rewritten = relfilenode(db, "t") != table || index != 0 && relfilenode(db, "t_c") != index;
        assertThat(rewritten).as("server: " + from + " → " + to + " " + before).isEqualTo(expectRewrite);
        assertThat(lint(PG, history, Phase.CONTRACT, file).contains("pg-rewriting-type-change"))
                .as("lint: " + from + " → " + to + " " + before).isEqualTo(expectRewrite);
    }

    @Test
    void addColumnReferencesValidatesNothingButAddConstraintDoes() throws SQLException {
        String history = "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (id int PRIMARY KEY, q int)";
        TestDatabase db = Databases.postgres();
        runFile(db, history);
        db.execute("INSERT INTO p VALUES (1)", "INSERT INTO t VALUES (1, 1)");
        String inline = "ALTER TABLE t ADD COLUMN p_id int REFERENCES p (id)";
        String separate = "ALTER TABLE t ADD CONSTRAINT t_q_fk FOREIGN KEY (q) REFERENCES p (id)";
        long inlineScans = seqScans(db, inline);
        long separateScans = seqScans(db, separate);
        assertThat(separateScans).as("ADD CONSTRAINT FOREIGN KEY scans t").isPositive();
        assertThat(lint(PG, history, Phase.EXPAND, inline).contains("pg-constraint-not-valid"))
                .as("lint flags the inline REFERENCES exactly when the server scans (" + inlineScans + " scans)")
                .isEqualTo(inlineScans > 0);
        assertThat(lint(PG, history, Phase.EXPAND, separate)).contains("pg-constraint-not-valid");
    }

    @Test
    void viewReplacedInOneFileAndTableRenamedBehindAView() throws SQLException {
        String history = "CREATE TABLE t (id int PRIMARY KEY, a int, c text); CREATE VIEW v AS SELECT id, a FROM t";
        TestDatabase db = Databases.postgres();
        runFile(db, history);
        runFile(db, "DROP VIEW v; CREATE VIEW v AS SELECT id, a, c FROM t");
        db.execute("SELECT id, a FROM v"); // release N-1's query still runs
        runFile(db, "ALTER TABLE t RENAME TO t_new; CREATE VIEW t AS SELECT * FROM t_new");
        db.execute("SELECT id, a FROM t");
        assertThat(lint(PG, history, Phase.EXPAND, "DROP VIEW v; CREATE VIEW v AS SELECT id, a, c FROM t")).isEmpty();
        assertThat(lint(PG, history, Phase.EXPAND, "DROP VIEW v; CREATE VIEW v AS SELECT id FROM t"))
                .contains("expand-drop-object");
        assertThat(lint(PG, history, Phase.EXPAND, "ALTER TABLE t RENAME TO t_new; CREATE VIEW t AS SELECT * FROM t_new"))
                .isEmpty();
        assertThat(lint(PG, "CREATE TABLE t (id int, a int); CREATE MATERIALIZED VIEW mv AS SELECT id, a FROM t",
                Phase.EXPAND, "DROP MATERIALIZED VIEW mv; CREATE MATERIALIZED VIEW mv AS SELECT id, a FROM t; "
                        + "CREATE UNIQUE INDEX mv_id ON mv (id)")).isEmpty();
    }

    // ---- MariaDB ----

    /** What MariaDB 10.11 copies (refuses ALGORITHM=INPLACE for) is what lint reports as mysql-table-copy. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a int                          | ADD CONSTRAINT t_a_pos CHECK (a > 0)",
            "a int                          | ADD COLUMN d int DEFAULT (1 + 1)",
            "s SET('a','b','c','d','e','f','g','h') | MODIFY s SET('a','b','c','d','e','f','g','h','i')",
            "s SET('a','b','c')             | MODIFY s SET('a','b','c','d')",
            "a int                          | MODIFY a bigint"})
    void mariadbCopiesExactlyWhenLintSays(String column, String change) throws SQLException {
        TestDatabase db = Databases.mariadb();
        String history = "CREATE TABLE t (id int PRIMARY KEY, " + column + ")";
        db.execute(history);
        String alter = "ALTER TABLE t " + change;
        boolean online;
        try {
            db.execute(alter + ", ALGORITHM=INPLACE, LOCK=NONE");
            online = true;
        } catch (SQLException e) {
            online = false;
        }
        Set<String> found = lint(MARIADB, history, Phase.EXPAND, alter);
        assertThat(found.contains("mysql-table-copy")).as(change + " online=" + online).isEqualTo(!online);
        assertThat(found).as("a widening keeps release N-1's data").doesNotContain("expand-change-column-type");
    }
}
