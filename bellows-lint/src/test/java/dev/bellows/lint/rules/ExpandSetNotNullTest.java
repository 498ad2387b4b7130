package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintFixtures;
import org.junit.jupiter.api.Test;

class ExpandSetNotNullTest extends RuleTestSupport {

    ExpandSetNotNullTest() {
        super("expand-set-not-null");
    }

    @Test
    void flagsSetNotNullOnAnExistingColumn() {
        flags(PG, EXPAND, "ALTER TABLE books ALTER COLUMN isbn SET NOT NULL");
        flags(LintFixtures.history(MYSQL, "1.0/expand", "CREATE TABLE books (id int, isbn varchar(20))",
                "1.1/expand", "ALTER TABLE books MODIFY isbn varchar(20) NOT NULL"), "MySQL MODIFY … NOT NULL");
    }

    /** Issue 12: a column new in this release on an existing table is unknown to release N-1, whose inserts leave it out. */
    @Test
    void flagsANewColumnOfAnExistingTable() {
        flags(PG, EXPAND, "ALTER TABLE books ADD COLUMN isbn text; ALTER TABLE books ALTER COLUMN isbn SET NOT NULL");
    }

    @Test
    void passesInContractOrOnNewTablesOrWhenAlreadyNotNull() {
        passes(PG, CONTRACT, "ALTER TABLE books ALTER COLUMN isbn SET NOT NULL");
        passes(PG, EXPAND, "CREATE TABLE b2 (id int); ALTER TABLE b2 ADD COLUMN isbn text; ALTER TABLE b2 ALTER COLUMN isbn SET NOT NULL");
        passes(PG, EXPAND, "ALTER TABLE books ADD COLUMN isbn text DEFAULT ''; ALTER TABLE books ALTER COLUMN isbn SET NOT NULL");
        passes(LintFixtures.history(MYSQL, "1.0/expand", "CREATE TABLE books (id int, isbn varchar(20) NOT NULL)",
                "1.1/expand", "ALTER TABLE books MODIFY isbn varchar(20) NOT NULL COMMENT 'isbn'"), "unchanged");
        passes(MYSQL, CONTRACT, "ALTER TABLE books MODIFY isbn varchar(20) NOT NULL");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "ALTER TABLE books ALTER COLUMN isbn SET NOT NULL"),
                RuleExample.flagsHistory(MYSQL, "1.0/expand", "CREATE TABLE books (id int, isbn varchar(20))",
                        "1.1/expand", "ALTER TABLE books MODIFY isbn varchar(20) NOT NULL"),
                RuleExample.passes(PG, CONTRACT, "ALTER TABLE books ALTER COLUMN isbn SET NOT NULL"),
                RuleExample.passesHistory(MYSQL, "1.0/expand", "CREATE TABLE books (id int, isbn varchar(20) NOT NULL)",
                        "1.1/expand", "ALTER TABLE books MODIFY isbn varchar(20) NOT NULL COMMENT 'isbn'"));
    }
}
