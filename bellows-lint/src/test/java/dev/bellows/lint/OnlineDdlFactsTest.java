package dev.bellows.lint;

import dev.bellows.model.Phase;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database facts the lock rules depend on, checked against the embedded servers: a rule's
 * verdict must match what the server really does (table rewritten or not, operation online or not).
 */
class OnlineDdlFactsTest {

    private static long relfilenode(TestDatabase db) throws SQLException {
        return db.count("SELECT relfilenode FROM pg_class WHERE relname = 't'");
    }

    private static boolean flagged(LintOptions options, String ruleId, String history, String sql) {
        LintReport r = Linter.lint(java.util.List.of(
                InlineMigration.of(options.dialect(), dev.bellows.model.Release.of("1.0"), Phase.EXPAND, 1, "h.sql",
                        history),
                InlineMigration.of(options.dialect(), dev.bellows.model.Release.of("2.0"), Phase.CONTRACT, 1, "c.sql",
                        sql)), options);
        return r.active().stream().anyMatch(f -> f.ruleId().equals(ruleId) && f.file().equals("c.sql"));
    }

    /** pg-rewriting-type-change fires exactly when PostgreSQL gives the table a new file. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "varchar(20)   | varchar(40)",
            "varchar(20)   | text",
            "varchar(20)   | varchar",
            "numeric(10,2) | numeric(12,2)",
            "int           | bigint",
            "text          | varchar(100)",
            "varchar(40)   | varchar(20)",
            "numeric(10,2) | numeric(12,3)",
            "cidr          | inet"})
    void postgresTypeChangeRewritesExactlyWhenTheRuleSays(String from, String to) throws SQLException {
        TestDatabase db = Databases.postgres();
        String create = "CREATE TABLE t (id int, c " + from + ")";
        db.execute(create, "INSERT INTO t VALUES (1, " + (from.equals("cidr") ? "'10.0.0.0/8'" : "'1'") + ")");
        long before = relfilenode(db);
        String alter = "ALTER TABLE t ALTER COLUMN c TYPE " + to;
        db.execute(alter);
        boolean rewritten = relfilenode(db) != before;
        assertThat(flagged(LintOptions.of(LintDialect.POSTGRESQL), "pg-rewriting-type-change", create, alter))
                .as(from + " → " + to + " rewritten=" + rewritten).isEqualTo(rewritten);
    }

    /** pg-volatile-default fires exactly when adding the column rewrites the table. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "timestamptz DEFAULT now()",
            "int NOT NULL DEFAULT 42",
            "timestamptz DEFAULT clock_timestamp()",
            "uuid DEFAULT gen_random_uuid()",
            "float8 DEFAULT random()",
            "bigserial",
            "int GENERATED ALWAYS AS IDENTITY",
            "int GENERATED ALWAYS AS (id + 1) STORED",
            "text"})
    void postgresAddColumnRewritesExactlyWhenTheRuleSays(String column) throws SQLException {
        TestDatabase db = Databases.postgres();
        String create = "CREATE TABLE t (id int)";
        db.execute(create, "INSERT INTO t VALUES (1)");
        long before = relfilenode(db);
        String alter = "ALTER TABLE t ADD COLUMN c " + column;
        db.execute(alter);
        boolean rewritten = relfilenode(db) != before;
        assertThat(flagged(LintOptions.of(LintDialect.POSTGRESQL), "pg-volatile-default", create, alter))
                .as(column + " rewritten=" + rewritten).isEqualTo(rewritten);
    }

    /** pg-set-not-null-scan fires exactly when SET NOT NULL reads the table (a validated CHECK lets it skip). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT 1",
            "ALTER TABLE t ADD CONSTRAINT c_nn CHECK (c IS NOT NULL) NOT VALID",
            "ALTER TABLE t ADD CONSTRAINT c_nn CHECK (c IS NOT NULL) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT c_nn"})
    void postgresSetNotNullScansExactlyWhenTheRuleSays(String before) throws SQLException {
        TestDatabase db = Databases.postgres();
        String create = "CREATE TABLE t (id int, c int)";
        db.execute(create, "INSERT INTO t SELECT g, g FROM generate_series(1, 1000) g");
        db.execute(before.split("; "));
        String alter = "ALTER TABLE t ALTER COLUMN c SET NOT NULL";
        long scansBefore = seqScans(db);
        try (var c = db.connect(); var st = c.createStatement()) {
            st.execute(alter);
            st.execute("SELECT pg_stat_force_next_flush()");
        }
        boolean scanned = seqScans(db) > scansBefore;
        assertThat(flagged(LintOptions.of(LintDialect.POSTGRESQL), "pg-set-not-null-scan", create,
                (before.startsWith("SELECT") ? "" : before + "; ") + alter)).as(before + " scanned=" + scanned)
                .isEqualTo(scanned);
    }

    private static long seqScans(TestDatabase db) throws SQLException {
        try (var c = db.connect(); var st = c.createStatement()) {
            st.execute("SELECT pg_stat_force_next_flush()");
        }
        try (var c = db.connect(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 't'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Test
    void postgresRefusesConcurrentlyInsideATransactionBlock() throws SQLException {
        TestDatabase db = Databases.postgres();
        db.execute("CREATE TABLE t (id int)");
        try (var c = db.connect(); var st = c.createStatement()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> st.execute("CREATE INDEX CONCURRENTLY t_id ON t (id)"))
                    .hasMessageContaining("cannot run inside a transaction block");
        }
    }

    /**
     * pg-concurrently-in-transaction agrees with PostgreSQL: DETACH PARTITION … CONCURRENTLY is refused
     * inside a transaction block, REFRESH MATERIALIZED VIEW CONCURRENTLY is not.
     */
    @Test
    void postgresRefusesConcurrentDetachButNotConcurrentRefreshInsideATransactionBlock() throws SQLException {
        TestDatabase db = Databases.postgres();
        db.execute("CREATE TABLE m (id int) PARTITION BY RANGE (id)",
                "CREATE TABLE m_1 PARTITION OF m FOR VALUES FROM (0) TO (10)",
                "CREATE MATERIALIZED VIEW v AS SELECT 1 AS id", "CREATE UNIQUE INDEX v_id ON v (id)");
        String detach = "ALTER TABLE m DETACH PARTITION m_1 CONCURRENTLY";
        String refresh = "REFRESH MATERIALIZED VIEW CONCURRENTLY v";
        try (var c = db.connect(); var st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute(refresh);
            c.commit();
            assertThatThrownBy(() -> st.execute(detach)).hasMessageContaining("cannot run inside a transaction block");
            c.rollback();
        }
        LintOptions pg14 = LintOptions.of(LintDialect.POSTGRESQL).withPgVersion(ServerVersion.parse("14"));
        assertThat(flagged(pg14, "pg-concurrently-in-transaction", "SELECT 1", "BEGIN; " + detach + "; COMMIT"))
                .isTrue();
        assertThat(flagged(pg14, "pg-concurrently-in-transaction", "SELECT 1", "BEGIN; " + refresh + "; COMMIT"))
                .isFalse();
    }

    /** MariaDB builds a plain secondary index online (so it is not flagged) but not a FULLTEXT one. */
    @Test
    void mariadbBuildsPlainIndexesOnlineButNotFulltext() throws SQLException {
        TestDatabase db = Databases.mariadb();
        db.execute("CREATE TABLE t (id int PRIMARY KEY, a int, s text)", "INSERT INTO t VALUES (1, 1, 'x')");
        db.execute("CREATE INDEX t_a ON t (a) ALGORITHM=INPLACE LOCK=NONE");
        assertThatThrownBy(() -> db.execute("ALTER TABLE t ADD FULLTEXT INDEX t_s (s), LOCK=NONE"))
                .isInstanceOf(SQLException.class);
        LintOptions mysql = LintOptions.of(LintDialect.MYSQL);
        assertThat(flagged(mysql, "mysql-blocking-index", "CREATE TABLE t (id int)", "CREATE INDEX t_a ON t (a)"))
                .isFalse();
        assertThat(flagged(mysql, "mysql-blocking-index", "CREATE TABLE t (id int)",
                "ALTER TABLE t ADD FULLTEXT INDEX t_s (s)")).isTrue();
    }

    /** mysql-table-copy fires exactly when MariaDB refuses to do the change in place without locking. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a int          | a bigint",
            "a int NOT NULL | a int NULL",
            "a int          | a int NOT NULL",
            "s varchar(20)  | s varchar(40)",
            "s varchar(40)  | s varchar(200)",
            "e enum('x','y') | e enum('x','y','z')",
            "e enum('x','y') | e enum('x')"})
    void mariadbCopiesExactlyWhenTheRuleSays(String from, String to) throws SQLException {
        TestDatabase db = Databases.mariadb();
        String create = "CREATE TABLE t (id int PRIMARY KEY, " + from + ")";
        db.execute(create);
        String alter = "ALTER TABLE t MODIFY " + to;
        boolean online;
        try {
            db.execute(alter + ", ALGORITHM=INPLACE, LOCK=NONE");
            online = true;
        } catch (SQLException e) {
            online = false;
        }
        LintOptions mariadb = LintOptions.of(LintDialect.MYSQL).withMysqlVersion(ServerVersion.parse("10.11"));
        assertThat(flagged(mariadb, "mysql-table-copy", create, alter)).as(from + " → " + to + " online=" + online)
                .isEqualTo(!online);
    }

    /** mysql-table-copy fires for an added generated column exactly when MariaDB cannot add it in place. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AS (id + 1) STORED",
            "AS (id + 1) PERSISTENT",
            "GENERATED ALWAYS AS (id + 1) STORED",
            "AS (id + 1) VIRTUAL",
            "AS (id + 1)"})
    void mariadbAddsGeneratedColumnsOnlineExactlyWhenTheRuleSays(String generated) throws SQLException {
        TestDatabase db = Databases.mariadb();
        String create = "CREATE TABLE t (id int PRIMARY KEY)";
        db.execute(create, "INSERT INTO t VALUES (1)");
        String alter = "ALTER TABLE t ADD COLUMN c int " + generated;
        boolean online;
        try {
            db.execute(alter + ", ALGORITHM=INPLACE, LOCK=NONE");
            online = true;
        } catch (SQLException e) {
            online = false;
        }
        LintOptions mariadb = LintOptions.of(LintDialect.MYSQL).withMysqlVersion(ServerVersion.parse("10.11"));
        assertThat(flagged(mariadb, "mysql-table-copy", create, alter)).as(generated + " online=" + online)
                .isEqualTo(!online);
    }
}
