package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgLockTableTest extends RuleTestSupport {

    PgLockTableTest() {
        super("pg-lock-table");
    }

    @Test
    void flagsLockTable() {
        flags(PG, EXPAND, "BEGIN; LOCK TABLE books IN ACCESS EXCLUSIVE MODE; ALTER TABLE books ADD COLUMN x int; COMMIT");
        flags(PG, MIGRATE, "LOCK books");
    }

    @Test
    void passesWithoutLocksOrOnNewTablesAndMySql() {
        passes(PG, EXPAND, "ALTER TABLE books ADD COLUMN x int");
        passes(PG, EXPAND, "CREATE TABLE t (id int); LOCK TABLE t");
        passes(MYSQL, EXPAND, "ALTER TABLE books ADD COLUMN x int");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, MIGRATE, "LOCK books"),
                RuleExample.passes(PG, EXPAND, "CREATE TABLE t (id int); LOCK TABLE t"));
    }
}
