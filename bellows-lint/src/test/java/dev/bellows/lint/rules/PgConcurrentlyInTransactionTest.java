package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgConcurrentlyInTransactionTest extends RuleTestSupport {

    PgConcurrentlyInTransactionTest() {
        super("pg-concurrently-in-transaction");
    }

    @Test
    void flagsConcurrentlyInsideBegin() {
        flags(PG, EXPAND, "BEGIN; CREATE INDEX CONCURRENTLY i ON books (isbn); COMMIT");
        flags(PG, CONTRACT, "START TRANSACTION; DROP INDEX CONCURRENTLY i; COMMIT");
    }

    @Test
    void passesOutsideTransactionBlocks() {
        passes(PG, EXPAND, "CREATE INDEX CONCURRENTLY i ON books (isbn)");
        passes(PG, EXPAND, "BEGIN; ALTER TABLE books ADD COLUMN x int; COMMIT; CREATE INDEX CONCURRENTLY i ON books (x)");
        passes(MYSQL, EXPAND, "START TRANSACTION; INSERT INTO t VALUES (1); COMMIT");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "BEGIN; CREATE INDEX CONCURRENTLY i ON books (isbn); COMMIT"),
                RuleExample.flags(PG, CONTRACT, "BEGIN; ALTER TABLE m DETACH PARTITION m_1 CONCURRENTLY; COMMIT"),
                RuleExample.passes(PG, MIGRATE, "BEGIN; REFRESH MATERIALIZED VIEW CONCURRENTLY v; COMMIT"),
                RuleExample.passes(PG, EXPAND, "CREATE INDEX CONCURRENTLY i ON books (isbn)"));
    }
}
