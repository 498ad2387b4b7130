package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
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

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "UPDATE books SET isbn = '' WHERE isbn IS NULL"),
                RuleExample.flags(MYSQL, EXPAND, "DELETE FROM books WHERE id < 10"),
                RuleExample.passes(PG, EXPAND, "INSERT INTO settings (name, value) VALUES ('feature_x', 'off')"),
                RuleExample.passes(MYSQL, MIGRATE, "UPDATE books SET isbn = '' WHERE id >= 1 AND id < 1000"));
    }
}
