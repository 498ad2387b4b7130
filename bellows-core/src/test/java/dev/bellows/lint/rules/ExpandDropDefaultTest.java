package dev.bellows.lint.rules;

import dev.bellows.lint.LintDialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExpandDropDefaultTest extends RuleTestSupport {

    ExpandDropDefaultTest() {
        super("expand-drop-default");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void flagsDroppingADefault(LintDialect d) {
        flags(d, EXPAND, "ALTER TABLE books ALTER COLUMN state DROP DEFAULT");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void passesInContractOrForSetDefault(LintDialect d) {
        passes(d, CONTRACT, "ALTER TABLE books ALTER COLUMN state DROP DEFAULT");
        passes(d, EXPAND, "ALTER TABLE books ALTER COLUMN state SET DEFAULT 'new'");
        passes(d, EXPAND, "ALTER TABLE books ADD COLUMN s int DEFAULT 1; ALTER TABLE books ALTER COLUMN s DROP DEFAULT");
    }
}
