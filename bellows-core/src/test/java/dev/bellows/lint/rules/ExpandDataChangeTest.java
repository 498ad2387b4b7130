package dev.bellows.lint.rules;

import dev.bellows.lint.LintDialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExpandDataChangeTest extends RuleTestSupport {

    ExpandDataChangeTest() {
        super("expand-data-change");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void flagsDataChangesOnExistingTables(LintDialect d) {
        flags(d, EXPAND, "UPDATE books SET isbn = '' WHERE isbn IS NULL");
        flags(d, EXPAND, "DELETE FROM books WHERE id < 10");
        flags(d, EXPAND, "INSERT INTO book_copy (id) SELECT id FROM books");
        flags(d, EXPAND, "TRUNCATE TABLE books");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void passesSeedRowsNewTablesAndMigrate(LintDialect d) {
        passes(d, EXPAND, "INSERT INTO states (id, name) VALUES (1, 'live')");
        passes(d, EXPAND, "CREATE TABLE states (id int); INSERT INTO states SELECT 1; UPDATE states SET id = 2");
        passes(d, MIGRATE, "UPDATE books SET isbn = '' WHERE id BETWEEN 1 AND 1000");
    }
}
