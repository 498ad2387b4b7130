package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
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

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "ALTER TABLE books RENAME TO titles"),
                RuleExample.flags(MYSQL, EXPAND, "RENAME TABLE books TO titles"),
                RuleExample.passes(PG, CONTRACT, "ALTER TABLE books RENAME TO titles"),
                RuleExample.passes(MYSQL, CONTRACT, "RENAME TABLE books TO titles"));
    }
}
