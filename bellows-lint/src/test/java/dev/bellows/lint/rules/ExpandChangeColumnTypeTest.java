package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintFixtures;
import org.junit.jupiter.api.Test;

class ExpandChangeColumnTypeTest extends RuleTestSupport {

    ExpandChangeColumnTypeTest() {
        super("expand-change-column-type");
    }

    @Test
    void flagsPostgresTypeChanges() {
        flags(LintFixtures.history(PG, "1.0/expand", "CREATE TABLE t (id int, n bigint)",
                "1.1/expand", "ALTER TABLE t ALTER COLUMN n TYPE int"), "bigint to int");
        flags(LintFixtures.history(PG, "1.0/expand", "CREATE TABLE t (id int, s varchar(50))",
                "1.1/expand", "ALTER TABLE t ALTER COLUMN s TYPE varchar(20)"), "narrowing");
        flags(PG, EXPAND, "ALTER TABLE t ALTER COLUMN s SET DATA TYPE integer USING s::integer");
    }

    @Test
    void passesPostgresWideningAndText() {
        passes(LintFixtures.history(PG, "1.0/expand", "CREATE TABLE t (id int, s varchar(50))",
                "1.1/expand", "ALTER TABLE t ALTER COLUMN s TYPE varchar(200)"), "widening");
        passes(LintFixtures.history(PG, "1.0/expand", "CREATE TABLE t (id int, s character varying(50))",
                "1.1/expand", "ALTER TABLE t ALTER COLUMN s TYPE text"), "varchar to text");
        passes(PG, CONTRACT, "ALTER TABLE t ALTER COLUMN n TYPE bigint");
        // a larger integer keeps every value; its rewrite is pg-rewriting-type-change's finding
        passes(LintFixtures.history(PG, "1.0/expand", "CREATE TABLE t (id int, n int)",
                "1.1/expand", "ALTER TABLE t ALTER COLUMN n TYPE bigint"), "int to bigint");
    }

    @Test
    void flagsMySqlChangesThatLoseOrReinterpretData() {
        flags(LintFixtures.history(MYSQL, "1.0/expand", "CREATE TABLE t (id int, n bigint)",
                "1.1/expand", "ALTER TABLE t MODIFY n int"), "bigint to int");
        flags(LintFixtures.history(MYSQL, "1.0/expand", "CREATE TABLE t (id int, s varchar(50))",
                "1.1/expand", "ALTER TABLE t MODIFY COLUMN s int"), "varchar to int");
    }

    /** Issue 12: a MySQL widening keeps every value release N-1 reads and writes; only its copy is a hazard (mysql-table-copy). */
    @Test
    void passesMySqlWideningsThatCopyButKeepData() {
        passes(LintFixtures.history(MYSQL, "1.0/expand", "CREATE TABLE t (id int, n int)",
                "1.1/expand", "ALTER TABLE t MODIFY n bigint"), "int to bigint");
        passes(LintFixtures.history(MYSQL, "1.0/expand", "CREATE TABLE t (id int, s varchar(50))",
                "1.1/expand", "ALTER TABLE t MODIFY COLUMN s varchar(300)"), "crosses the 1-byte length prefix");
    }

    @Test
    void passesMySqlInPlaceChanges() {
        passes(LintFixtures.history(MYSQL, "1.0/expand", "CREATE TABLE t (id int, s varchar(20))",
                "1.1/expand", "ALTER TABLE t MODIFY s varchar(60)"), "widening inside one length byte");
        passes(LintFixtures.history(MYSQL, "1.0/expand", "CREATE TABLE t (id int, e enum('a','b'))",
                "1.1/expand", "ALTER TABLE t MODIFY e enum('a','b','c')"), "enum append");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flagsHistory(PG, "1.0/expand", "CREATE TABLE t (id int, n bigint)",
                        "1.1/expand", "ALTER TABLE t ALTER COLUMN n TYPE int"),
                RuleExample.flagsHistory(MYSQL, "1.0/expand", "CREATE TABLE t (id int, n bigint)",
                        "1.1/expand", "ALTER TABLE t MODIFY n int"),
                RuleExample.passesHistory(PG, "1.0/expand", "CREATE TABLE t (id int, s varchar(50))",
                        "1.1/expand", "ALTER TABLE t ALTER COLUMN s TYPE varchar(200)"),
                RuleExample.passesHistory(MYSQL, "1.0/expand", "CREATE TABLE t (id int, s varchar(20))",
                        "1.1/expand", "ALTER TABLE t MODIFY s varchar(60)"));
    }
}
