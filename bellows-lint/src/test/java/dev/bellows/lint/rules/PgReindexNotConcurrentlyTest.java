package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.ServerVersion;
import org.junit.jupiter.api.Test;

class PgReindexNotConcurrentlyTest extends RuleTestSupport {

    PgReindexNotConcurrentlyTest() {
        super("pg-reindex-not-concurrently");
    }

    @Test
    void flagsPlainReindex() {
        flags(PG, EXPAND, "REINDEX INDEX books_isbn");
        flags(PG, EXPAND, "REINDEX (VERBOSE) TABLE books");
    }

    @Test
    void flagsConcurrentlyBeforePostgres12() {
        flags(LintOptions.of(LintDialect.POSTGRESQL).withPgVersion(ServerVersion.parse("11")), EXPAND,
                "REINDEX INDEX CONCURRENTLY books_isbn");
    }

    @Test
    void passesConcurrently() {
        passes(PG, EXPAND, "REINDEX INDEX CONCURRENTLY books_isbn");
        passes(PG, EXPAND, "REINDEX (CONCURRENTLY) TABLE books");
        passes(MYSQL, EXPAND, "ANALYZE TABLE books");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "REINDEX INDEX books_isbn"),
                RuleExample.passes(PG, EXPAND, "REINDEX INDEX CONCURRENTLY books_isbn"));
    }
}
