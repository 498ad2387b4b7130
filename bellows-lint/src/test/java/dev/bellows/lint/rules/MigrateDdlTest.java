package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintDialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrateDdlTest extends RuleTestSupport {

    MigrateDdlTest() {
        super("migrate-ddl");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void flagsSchemaChangesInMigrate(LintDialect d) {
        flags(d, MIGRATE, "ALTER TABLE books ADD COLUMN isbn text");
        flags(d, MIGRATE, "CREATE INDEX books_isbn ON books (isbn)");
        flags(d, MIGRATE, "DROP TABLE books");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void passesDmlAndTemporaryTables(LintDialect d) {
        passes(d, MIGRATE, "UPDATE books SET isbn = '' WHERE id >= 1 AND id < 1000");
        passes(d, MIGRATE, "CREATE TEMPORARY TABLE batch (id int)");
        passes(d, EXPAND, "ALTER TABLE books ADD COLUMN isbn text");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, MIGRATE, "ALTER TABLE books ADD COLUMN isbn text"),
                RuleExample.flags(MYSQL, MIGRATE, "CREATE INDEX books_isbn ON books (isbn)"),
                RuleExample.passes(PG, MIGRATE, "UPDATE books SET isbn = '' WHERE id >= 1 AND id < 1000"),
                RuleExample.passes(MYSQL, EXPAND, "ALTER TABLE books ADD COLUMN isbn text"));
    }
}
