package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgTableRewriteTest extends RuleTestSupport {

    PgTableRewriteTest() {
        super("pg-table-rewrite");
    }

    @Test
    void flagsRewritingMaintenance() {
        flags(PG, CONTRACT, "VACUUM FULL books");
        flags(PG, CONTRACT, "VACUUM (FULL, ANALYZE) books");
        flags(PG, CONTRACT, "CLUSTER books USING books_pkey");
        flags(PG, EXPAND, "ALTER TABLE books SET TABLESPACE fast_ssd");
    }

    @Test
    void passesPlainVacuumAndNewTablesAndMySql() {
        passes(PG, CONTRACT, "VACUUM ANALYZE books");
        passes(PG, EXPAND, "CREATE TABLE t (id int); ALTER TABLE t SET TABLESPACE fast_ssd");
        passes(MYSQL, CONTRACT, "OPTIMIZE TABLE books");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, CONTRACT, "VACUUM FULL books"),
                RuleExample.passes(PG, CONTRACT, "VACUUM (ANALYZE) books"));
    }
}
