package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
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

    @org.junit.jupiter.api.Test
    void passesDroppingTransitionShimsOnPostgres() {
        LintDialect d = LintDialect.POSTGRESQL;
        passes(LintFixtures.history(d, "1.0/expand", "CREATE TABLE books (id int, legacy text)",
                "1.1/expand", "CREATE FUNCTION sync_isbn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                "1.1/expand", "CREATE TRIGGER sync_isbn BEFORE INSERT ON books FOR EACH ROW EXECUTE FUNCTION sync_isbn()",
                "1.1/contract", "DROP TRIGGER sync_isbn ON books",
                "1.1/contract", "DROP FUNCTION sync_isbn()"), "sync trigger and its trigger function");
        passes(LintFixtures.history(d, "1.0/expand", "CREATE TABLE books (id int)",
                "1.1/expand", "ALTER TABLE books RENAME TO titles",
                "1.1/expand", "CREATE VIEW books AS SELECT * FROM titles",
                "1.1/contract", "DROP VIEW books"), "view under the renamed table's old name");
    }

    @org.junit.jupiter.api.Test
    void flagsDroppingAFeatureFunctionOrViewOnPostgres() {
        LintDialect d = LintDialect.POSTGRESQL;
        flags(LintFixtures.history(d, "1.1/expand", "CREATE FUNCTION price(int) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$",
                "1.1/contract", "DROP FUNCTION price(int)"), "function");
        flags(LintFixtures.history(d, "1.0/expand", "CREATE TABLE books (id int)",
                "1.1/expand", "CREATE VIEW cheap_books AS SELECT * FROM books",
                "1.1/contract", "DROP VIEW cheap_books"), "view");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flagsHistory(PG, "1.1/expand", "CREATE TABLE audit (id int)", "1.1/contract", "DROP TABLE audit"),
                RuleExample.flagsHistory(MYSQL, "1.0/expand", "CREATE TABLE books (id int)",
                        "1.1/expand", "ALTER TABLE books ADD COLUMN isbn text",
                        "1.1/contract", "ALTER TABLE books DROP COLUMN isbn"),
                RuleExample.passesHistory(PG, "1.0/expand", "CREATE TABLE audit (id int)", "1.1/contract", "DROP TABLE audit"),
                RuleExample.passesHistory(MYSQL, "1.0/expand", "CREATE TABLE books (id int, legacy text)",
                        "1.1/expand", "ALTER TABLE books ADD COLUMN isbn text",
                        "1.1/contract", "ALTER TABLE books DROP COLUMN legacy"));
    }
}
