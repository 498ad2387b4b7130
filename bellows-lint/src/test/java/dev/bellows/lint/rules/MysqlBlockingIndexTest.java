package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import org.junit.jupiter.api.Test;

class MysqlBlockingIndexTest extends RuleTestSupport {

    MysqlBlockingIndexTest() {
        super("mysql-blocking-index");
    }

    @Test
    void flagsFulltextAndSpatialIndexes() {
        flags(MYSQL, EXPAND, "CREATE FULLTEXT INDEX books_ft ON books (title, body)");
        flags(MYSQL, EXPAND, "ALTER TABLE places ADD SPATIAL INDEX places_geo (geo)");
    }

    @Test
    void passesPlainIndexesNewTablesAndPostgres() {
        passes(MYSQL, EXPAND, "CREATE INDEX books_title ON books (title)");
        passes(MYSQL, EXPAND, "ALTER TABLE books ADD INDEX books_title (title)");
        passes(MYSQL, EXPAND, "CREATE TABLE b (id int, t text); CREATE FULLTEXT INDEX b_ft ON b (t)");
        passes(PG, EXPAND, "CREATE INDEX CONCURRENTLY books_ft ON books USING gin (to_tsvector('english', title))");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(MYSQL, EXPAND, "CREATE FULLTEXT INDEX books_ft ON books (title, body)"),
                RuleExample.passes(MYSQL, EXPAND, "CREATE INDEX books_title ON books (title)"));
    }
}
