package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintFixtures;
import org.junit.jupiter.api.Test;

class PgRewritingTypeChangeTest extends RuleTestSupport {

    PgRewritingTypeChangeTest() {
        super("pg-rewriting-type-change");
    }

    @Test
    void flagsRewritingChanges() {
        flags(LintFixtures.history(PG, "1.0/expand", "CREATE TABLE t (id int, n int)",
                "1.1/contract", "ALTER TABLE t ALTER COLUMN n TYPE bigint"), "int to bigint in contract");
        flags(LintFixtures.history(PG, "1.0/expand", "CREATE TABLE t (id int, s text)",
                "1.1/contract", "ALTER TABLE t ALTER COLUMN s TYPE varchar(100)"), "text to varchar(100)");
        flags(PG, MIGRATE, "ALTER TABLE t ALTER COLUMN n TYPE bigint");
    }

    @Test
    void passesBinaryCoercibleChangesAndNewTablesAndMySql() {
        passes(LintFixtures.history(PG, "1.0/expand", "CREATE TABLE t (id int, s varchar(20))",
                "1.1/contract", "ALTER TABLE t ALTER COLUMN s TYPE varchar(40)"), "varchar widening");
        passes(LintFixtures.history(PG, "1.0/expand", "CREATE TABLE t (id int, p numeric(10,2))",
                "1.1/contract", "ALTER TABLE t ALTER COLUMN p TYPE numeric(12,2)"), "numeric precision");
        passes(PG, EXPAND, "CREATE TABLE t (n int); ALTER TABLE t ALTER COLUMN n TYPE bigint");
        passes(MYSQL, CONTRACT, "ALTER TABLE t MODIFY n bigint");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flagsHistory(PG, "1.0/expand", "CREATE TABLE t (id int, n int)",
                        "1.1/contract", "ALTER TABLE t ALTER COLUMN n TYPE bigint"),
                RuleExample.passesHistory(PG, "1.0/expand", "CREATE TABLE t (id int, s varchar(20))",
                        "1.1/contract", "ALTER TABLE t ALTER COLUMN s TYPE varchar(40)"));
    }
}
