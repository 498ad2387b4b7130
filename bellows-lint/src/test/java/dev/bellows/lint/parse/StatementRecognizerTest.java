package dev.bellows.lint.parse;

import dev.bellows.sql.SqlSplitter;
import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.SqlSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatementRecognizerTest {

    static ParsedStatement pg(String sql) {
        return one(sql, SqlSyntax.POSTGRESQL);
    }

    static ParsedStatement my(String sql) {
        return one(sql, SqlSyntax.MYSQL);
    }

    static ParsedStatement one(String sql, SqlSyntax syntax) {
        List<SqlStatement> s = SqlSplitter.split(sql, syntax).statements();
        assertThat(s).hasSize(1);
        return StatementRecognizer.recognize(s.get(0), syntax);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE IF NOT EXISTS public.books (id bigserial PRIMARY KEY, title varchar(200) NOT NULL, "
                    + "state book_state DEFAULT 'draft', price numeric(10,2) CHECK (price > 0), "
                    + "author_id int REFERENCES authors (id) ON DELETE SET NULL, tags text[] NOT NULL DEFAULT '{}', "
                    + "created_at timestamp with time zone NOT NULL DEFAULT now(), CONSTRAINT u UNIQUE (title, author_id))",
            "CREATE UNLOGGED TABLE t (LIKE books INCLUDING ALL)",
            "CREATE TABLE t AS SELECT * FROM books",
            "CREATE TABLE p_2024 PARTITION OF p FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t USING gin ((data -> 'tags')) WHERE deleted_at IS NULL",
            "CREATE INDEX ON t (lower(email) DESC NULLS LAST) INCLUDE (id)",
            "CREATE UNIQUE INDEX i ON ONLY t (a, b)",
            "ALTER TABLE t ADD COLUMN a int, ADD COLUMN b int REFERENCES x (id) ON DELETE SET NULL, "
                    + "ADD COLUMN c text COLLATE \"C\"",
            "ALTER TABLE IF EXISTS ONLY t RENAME COLUMN a TO \"order\"",
            "ALTER TABLE t ALTER COLUMN a TYPE bigint USING a::bigint, ALTER COLUMN b SET DEFAULT 0",
            "ALTER TABLE t ALTER a SET NOT NULL, ALTER b DROP NOT NULL, ALTER c DROP DEFAULT",
            "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id) NOT VALID",
            "ALTER TABLE t VALIDATE CONSTRAINT fk",
            "ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX i",
            "ALTER TABLE t ENABLE TRIGGER ALL",
            "ALTER TABLE t OWNER TO app",
            "ALTER TABLE t ATTACH PARTITION p FOR VALUES IN (1)",
            "ALTER TABLE t SET (fillfactor = 70)",
            "ALTER TABLE t ALTER COLUMN a SET STATISTICS 500",
            "ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY",
            "ALTER TABLE t REPLICA IDENTITY FULL",
            "ALTER TYPE s ADD VALUE IF NOT EXISTS 'x' BEFORE 'y'",
            "ALTER TYPE s RENAME VALUE 'x' TO 'z'",
            "ALTER SEQUENCE s OWNED BY t.id",
            "ALTER SEQUENCE IF EXISTS s RESTART WITH 100",
            "ALTER INDEX i RENAME TO j",
            "ALTER VIEW v OWNER TO app",
            "ALTER FUNCTION f(int, text) SECURITY DEFINER",
            "ALTER DOMAIN d ADD CONSTRAINT c CHECK (VALUE > 0)",
            "ALTER EXTENSION pgcrypto UPDATE",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT SELECT ON TABLES TO r",
            "CREATE OR REPLACE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DROP TABLE x; RETURN NEW; END $$",
            "CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC UPDATE t SET a = 1; END",
            "CREATE TRIGGER trg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()",
            "CREATE CONSTRAINT TRIGGER trg AFTER INSERT ON t DEFERRABLE FOR EACH ROW EXECUTE PROCEDURE f()",
            "DROP TRIGGER IF EXISTS trg ON t",
            "CREATE TYPE s AS ENUM ('a', 'b')",
            "CREATE TYPE pair AS (a int, b int)",
            "CREATE SEQUENCE IF NOT EXISTS s START 1 INCREMENT 1",
            "CREATE SCHEMA IF NOT EXISTS reporting AUTHORIZATION app",
            "CREATE MATERIALIZED VIEW mv AS SELECT 1 WITH NO DATA",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY mv",
            "CREATE OR REPLACE VIEW v AS SELECT * FROM t",
            "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"",
            "CREATE STATISTICS s (dependencies) ON a, b FROM t",
            "CREATE POLICY p ON t USING (tenant = current_user)",
            "DROP MATERIALIZED VIEW IF EXISTS mv CASCADE",
            "DROP FUNCTION IF EXISTS f(int), g(text)",
            "DROP EXTENSION IF EXISTS x",
            "DROP INDEX CONCURRENTLY IF EXISTS s.i",
            "REINDEX (VERBOSE, CONCURRENTLY) INDEX i",
            "WITH moved AS (DELETE FROM a WHERE id < 10 RETURNING *) INSERT INTO b SELECT * FROM moved",
            "INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b",
            "UPDATE t SET a = b FROM u WHERE t.id = u.id",
            "DELETE FROM ONLY t USING u WHERE t.id = u.id",
            "TRUNCATE TABLE a, b RESTART IDENTITY CASCADE",
            "LOCK TABLE t IN SHARE ROW EXCLUSIVE MODE",
            "VACUUM (VERBOSE, ANALYZE) t",
            "CLUSTER t USING i",
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1) THEN ALTER TABLE t DROP COLUMN x; END IF; END $$",
            "SET LOCAL lock_timeout TO '2s'",
            "RESET lock_timeout",
            "COMMENT ON COLUMN t.a IS 'drop table t'",
            "GRANT USAGE ON SCHEMA s TO app",
            "REVOKE ALL ON t FROM PUBLIC",
            "SELECT pg_advisory_lock(1)",
            "BEGIN",
            "COMMIT",
            "SAVEPOINT a",
            "ROLLBACK TO SAVEPOINT a",
            "CALL p(1)",
            "ANALYZE t",
            "SELECT setval('s', (SELECT max(id) FROM t))",
            "ALTER TABLE t ADD CONSTRAINT ex EXCLUDE USING gist (room WITH =, during WITH &&)",
            "ALTER TABLE t ADD COLUMN g int GENERATED ALWAYS AS (a + b) STORED",
            "ALTER TABLE t ADD COLUMN d double precision, ADD COLUMN i interval day to second, ADD COLUMN z time(3) without time zone",
            "ALTER TABLE t DROP COLUMN IF EXISTS a CASCADE",
            "ALTER TABLE t SET TABLESPACE fast",
            "ALTER TABLE t SET LOGGED",
            "ALTER TABLE t INHERIT parent",
            "ALTER TABLE t ALTER COLUMN a SET DATA TYPE varchar(20) COLLATE \"en_US\""})
    void recognizesPostgres(String sql) {
        ParsedStatement p = pg(sql);
        assertThat(p.verb()).as(sql + " → " + p.reason()).isNotEqualTo(Verb.UNRECOGNIZED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE `books` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `title` varchar(200) CHARACTER SET "
                    + "utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT '', `state` enum('a','b') NOT NULL, "
                    + "`updated` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, "
                    + "PRIMARY KEY (`id`), UNIQUE KEY `t` (`title`), KEY `s` (`state`), FULLTEXT KEY `ft` (`title`), "
                    + "CONSTRAINT `fk` FOREIGN KEY (`id`) REFERENCES `x` (`id`) ON DELETE CASCADE"
                    + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
            "CREATE TABLE t LIKE u",
            "ALTER TABLE t ADD COLUMN a int AFTER b, ADD INDEX i (a), ALGORITHM=INPLACE, LOCK=NONE",
            "ALTER TABLE t MODIFY COLUMN a bigint unsigned NOT NULL COMMENT 'x'",
            "ALTER TABLE t CHANGE COLUMN a b int NULL DEFAULT NULL",
            "ALTER TABLE t DROP FOREIGN KEY fk, DROP INDEX i, DROP PRIMARY KEY, ADD PRIMARY KEY (a, b)",
            "ALTER TABLE t RENAME INDEX i TO j",
            "ALTER TABLE t RENAME TO u",
            "ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
            "ALTER TABLE t ENGINE = InnoDB",
            "ALTER TABLE t AUTO_INCREMENT = 100",
            "ALTER TABLE t ADD FULLTEXT INDEX ft (a, b)",
            "ALTER TABLE t ADD UNIQUE INDEX u (a)",
            "ALTER TABLE t ALTER COLUMN a SET DEFAULT 1",
            "ALTER TABLE t DROP CHECK c",
            "ALTER TABLE t ADD (a int, b int)",
            "ALTER ONLINE TABLE t ADD COLUMN a int",
            "CREATE FULLTEXT INDEX ft ON t (a)",
            "CREATE INDEX i USING BTREE ON t (a) ALGORITHM=INPLACE LOCK=NONE",
            "DROP INDEX i ON t",
            "RENAME TABLE a TO b, c TO d",
            "INSERT IGNORE INTO t SET a = 1",
            "REPLACE INTO t (a) VALUES (1)",
            "UPDATE LOW_PRIORITY t SET a = 1 ORDER BY id LIMIT 1000",
            "DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id WHERE t2.x = 1",
            "SET FOREIGN_KEY_CHECKS = 0",
            "SET @x = (SELECT 1)",
            "LOCK TABLES t WRITE",
            "OPTIMIZE TABLE t",
            "DELIMITER //\nCREATE DEFINER = `root`@`%` TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END //\nDELIMITER ;",
            "DELIMITER $$\nCREATE PROCEDURE p() BEGIN DROP TABLE x; END $$\nDELIMITER ;",
            "CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW v AS SELECT 1",
            "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t",
            "PREPARE s FROM @sql",
            "EXECUTE s",
            "DEALLOCATE PREPARE s",
            "START TRANSACTION",
            "CREATE DATABASE IF NOT EXISTS app",
            "DROP PROCEDURE IF EXISTS p"})
    void recognizesMySql(String sql) {
        ParsedStatement p = my(sql);
        assertThat(p.verb()).as(sql + " → " + p.reason()).isNotEqualTo(Verb.UNRECOGNIZED);
    }

    @Test
    void understandsAlterTableSubCommands() {
        ParsedStatement p = pg("ALTER TABLE s.books ADD COLUMN isbn varchar(20) NOT NULL DEFAULT '', "
                + "DROP COLUMN legacy, ALTER COLUMN price TYPE numeric(12,2), ADD CONSTRAINT c CHECK (isbn IS NOT NULL) "
                + "NOT VALID, RENAME COLUMN a TO b");
        assertThat(p.table()).isEqualTo("books");
        assertThat(p.actions()).extracting(AlterAction::op).containsExactly(Op.ADD_COLUMN, Op.DROP_COLUMN,
                Op.ALTER_COLUMN_TYPE, Op.ADD_CONSTRAINT, Op.RENAME_COLUMN);
        ColumnDef isbn = p.actions().get(0).definition();
        assertThat(isbn.type().base()).isEqualTo("varchar");
        assertThat(isbn.type().length()).isEqualTo(20);
        assertThat(isbn.notNull()).isTrue();
        assertThat(isbn.defaultValue()).isEqualTo("''");
        assertThat(p.actions().get(2).definition().type().args()).containsExactly("12", "2");
        ConstraintDef c = p.actions().get(3).constraint();
        assertThat(c.notValid()).isTrue();
        assertThat(c.notNullCheckColumn()).isEqualTo("isbn");
    }

    @Test
    void normalisesTypeSynonyms() {
        ParsedStatement p = pg("CREATE TABLE t (a character varying(5), b integer, c timestamp with time zone, d int8)");
        assertThat(p.columns()).extracting(col -> col.type().base())
                .containsExactly("varchar", "int", "timestamptz", "bigint");
    }

    @Test
    void mysqlClausesAndIndexKinds() {
        ParsedStatement p = my("ALTER TABLE t ADD FULLTEXT INDEX ft (a), ALGORITHM=COPY, LOCK=SHARED");
        assertThat(p.actions()).extracting(AlterAction::op).containsExactly(Op.ADD_INDEX, Op.ALGORITHM, Op.LOCK);
        assertThat(p.actions().get(0).value()).isEqualTo("fulltext");
        assertThat(p.actions().get(1).value()).isEqualTo("copy");
        ParsedStatement change = my("ALTER TABLE t CHANGE `old` `new` int NOT NULL");
        assertThat(change.actions().get(0).column()).isEqualTo("old");
        assertThat(change.actions().get(0).newName()).isEqualTo("new");
    }

    @Test
    void dmlBoundsAndTargets() {
        assertThat(pg("UPDATE t SET a = 1 WHERE id >= 1 AND id < 100").has(Flag.BOUNDED)).isTrue();
        assertThat(pg("UPDATE t SET a = 1 WHERE b > 1").has(Flag.BOUNDED)).isFalse();
        assertThat(my("DELETE FROM t WHERE a IS NULL LIMIT 500").has(Flag.BOUNDED)).isTrue();
        assertThat(pg("INSERT INTO t (a) SELECT a FROM u").has(Flag.FROM_SELECT)).isTrue();
        assertThat(pg("INSERT INTO t (a) VALUES (1)").has(Flag.FROM_SELECT)).isFalse();
        assertThat(pg("WITH x AS (SELECT 1) UPDATE t SET a = 1").verb()).isEqualTo(Verb.UPDATE);
        assertThat(pg("WITH b AS (SELECT id FROM t LIMIT 10) UPDATE t SET a = 1 FROM b WHERE t.id = b.id")
                .has(Flag.BOUNDED)).isTrue();
    }

    @Test
    void bodiesStringsAndCommentsAreNeverRead() {
        ParsedStatement f = pg("CREATE FUNCTION f() RETURNS void AS $$ DROP TABLE books; $$ LANGUAGE sql");
        assertThat(f.is(Verb.CREATE, ObjectType.FUNCTION)).isTrue();
        assertThat(f.actions()).isEmpty();
        assertThat(pg("DO $$ BEGIN EXECUTE 'DROP TABLE books'; END $$").verb()).isEqualTo(Verb.DO);
        assertThat(pg("COMMENT ON TABLE t IS 'DROP TABLE t'").verb()).isEqualTo(Verb.COMMENT);
        assertThat(pg("SELECT 1 /* DROP TABLE t */").verb()).isEqualTo(Verb.SELECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALTER TABLE t MODIFY a int", "ALTER TABLE t CHANGE a b int", "ALTER TABLE t ADD INDEX i (a)",
            "ALTER TABLE t DROP FOREIGN KEY fk", "ALTER TABLE t ADD COLUMN a int, ALGORITHM=INPLACE",
            "RENAME TABLE a TO b", "REPLACE INTO t VALUES (1)"})
    void mysqlOnlySyntaxIsNotUnderstoodAsPostgres(String sql) {
        assertThat(pg(sql).verb()).isEqualTo(Verb.UNRECOGNIZED);
        assertThat(pg(sql).reason()).contains("MySQL/MariaDB syntax");
        assertThat(my(sql).verb()).isNotEqualTo(Verb.UNRECOGNIZED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE INDEX CONCURRENTLY i ON t (a)", "ALTER TABLE t ALTER COLUMN a TYPE bigint",
            "ALTER TABLE t ALTER COLUMN a SET NOT NULL", "ALTER TABLE t VALIDATE CONSTRAINT c", "VACUUM FULL t",
            "ALTER TYPE s ADD VALUE 'x'", "REINDEX TABLE t", "COMMENT ON TABLE t IS 'x'"})
    void postgresOnlySyntaxIsNotUnderstoodAsMySql(String sql) {
        assertThat(my(sql).verb()).isEqualTo(Verb.UNRECOGNIZED);
        assertThat(my(sql).reason()).contains("PostgreSQL syntax");
        assertThat(pg(sql).verb()).isNotEqualTo(Verb.UNRECOGNIZED);
    }

    @Test
    void reportsWhatItCannotFollow() {
        ParsedStatement p = pg("ALTER TABLE t FROBNICATE");
        assertThat(p.verb()).isEqualTo(Verb.UNRECOGNIZED);
        assertThat(p.reason()).contains("FROBNICATE");
        assertThat(pg("CREATE TABLE").verb()).isEqualTo(Verb.UNRECOGNIZED);
        assertThat(pg("42").verb()).isEqualTo(Verb.UNRECOGNIZED);
    }
}
