package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintDialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ContractAdditionTest extends RuleTestSupport {

    ContractAdditionTest() {
        super("contract-addition");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void flagsAdditionsInContract(LintDialect d) {
        flags(d, CONTRACT, "CREATE TABLE audit (id int)");
        flags(d, CONTRACT, "ALTER TABLE books ADD COLUMN isbn varchar(20)");
        flags(d, CONTRACT, "CREATE INDEX books_isbn ON books (isbn)");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void passesAdditionsInExpandAndDropsInContract(LintDialect d) {
        passes(d, EXPAND, "CREATE TABLE audit (id int)");
        passes(d, CONTRACT, "ALTER TABLE books DROP COLUMN legacy");
        passes(d, CONTRACT, "CREATE TEMPORARY TABLE scratch (id int)");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, CONTRACT, "CREATE TABLE audit (id int)"),
                RuleExample.flags(MYSQL, CONTRACT, "ALTER TABLE books ADD COLUMN isbn varchar(20)"),
                RuleExample.passes(PG, EXPAND, "CREATE TABLE audit (id int)"),
                RuleExample.passes(MYSQL, EXPAND, "ALTER TABLE books ADD COLUMN isbn varchar(20)"));
    }
}
