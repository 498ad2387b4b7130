package dev.bellows.lint.rules;

import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ContractDropNewObjectTest extends RuleTestSupport {

    ContractDropNewObjectTest() {
        super("contract-drop-new-object");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void flagsDroppingWhatThisReleasesExpandAdded(LintDialect d) {
        flags(LintFixtures.history(d, "1.1/expand", "CREATE TABLE audit (id int)",
                "1.1/contract", "DROP TABLE audit"), "table");
        flags(LintFixtures.history(d, "1.0/expand", "CREATE TABLE books (id int)",
                "1.1/expand", "ALTER TABLE books ADD COLUMN isbn text",
                "1.1/contract", "ALTER TABLE books DROP COLUMN isbn"), "column");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void passesDroppingOlderObjects(LintDialect d) {
        passes(LintFixtures.history(d, "1.0/expand", "CREATE TABLE audit (id int)",
                "1.1/contract", "DROP TABLE audit"), "older table");
        passes(LintFixtures.history(d, "1.0/expand", "CREATE TABLE books (id int, legacy text)",
                "1.1/expand", "ALTER TABLE books ADD COLUMN isbn text",
                "1.1/contract", "ALTER TABLE books DROP COLUMN legacy"), "older column");
    }
}
