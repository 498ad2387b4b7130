package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PgCreateIndexNotConcurrentlyTest extends RuleTestSupport {

    PgCreateIndexNotConcurrentlyTest() {
        super("pg-create-index-not-concurrently");
    }

    @Test
    void flagsPlainCreateIndexOnAnExistingTable() {
        var f = flags(PG, EXPAND, "CREATE INDEX books_isbn ON books (isbn)");
        assertThat(f.get(0).help().get(0)).contains("CREATE INDEX CONCURRENTLY books_isbn ON books");
        flags(PG, EXPAND, "CREATE UNIQUE INDEX IF NOT EXISTS books_isbn ON books USING btree (lower(isbn)) WHERE isbn IS NOT NULL");
        flags(PG, CONTRACT, "CREATE INDEX ON books (isbn)");
    }

    @Test
    void passesConcurrentlyNewTablesAndMySql() {
        passes(PG, EXPAND, "CREATE INDEX CONCURRENTLY books_isbn ON books (isbn)");
        passes(PG, EXPAND, "CREATE TABLE t (id int); CREATE INDEX t_id ON t (id)");
        passes(MYSQL, EXPAND, "CREATE INDEX books_isbn ON books (isbn)");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "CREATE INDEX books_isbn ON books (isbn)"),
                RuleExample.passes(PG, EXPAND, "CREATE INDEX CONCURRENTLY books_isbn ON books (isbn)"));
    }
}
