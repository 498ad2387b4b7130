package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgDropIndexNotConcurrentlyTest extends RuleTestSupport {

    PgDropIndexNotConcurrentlyTest() {
        super("pg-drop-index-not-concurrently");
    }

    @Test
    void flagsPlainDropIndex() {
        flags(PG, CONTRACT, "DROP INDEX books_isbn");
        flags(PG, CONTRACT, "DROP INDEX IF EXISTS public.books_isbn");
    }

    @Test
    void passesConcurrentlyNewIndexesAndMySql() {
        passes(PG, CONTRACT, "DROP INDEX CONCURRENTLY IF EXISTS books_isbn");
        passes(PG, EXPAND, "CREATE INDEX CONCURRENTLY i ON books (isbn); DROP INDEX i");
        passes(MYSQL, CONTRACT, "DROP INDEX books_isbn ON books");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, CONTRACT, "DROP INDEX books_isbn"),
                RuleExample.passes(PG, CONTRACT, "DROP INDEX CONCURRENTLY IF EXISTS books_isbn"));
    }
}
