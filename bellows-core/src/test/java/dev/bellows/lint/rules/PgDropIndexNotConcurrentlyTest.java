package dev.bellows.lint.rules;

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
}
