package dev.bellows.lint.rules;

import dev.bellows.lint.LintDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExpandRenameTableTest extends RuleTestSupport {

    ExpandRenameTableTest() {
        super("expand-rename-table");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void flagsRenamingATable(LintDialect d) {
        flags(d, EXPAND, "ALTER TABLE books RENAME TO titles");
    }

    @Test
    void flagsMySqlRenameForms() {
        flags(MYSQL, EXPAND, "RENAME TABLE books TO titles");
        flags(MYSQL, EXPAND, "ALTER TABLE books RENAME titles");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void passesInContractOrForNewTables(LintDialect d) {
        passes(d, CONTRACT, "ALTER TABLE books RENAME TO titles");
        passes(d, EXPAND, "CREATE TABLE b2 (id int); ALTER TABLE b2 RENAME TO titles");
    }
}
