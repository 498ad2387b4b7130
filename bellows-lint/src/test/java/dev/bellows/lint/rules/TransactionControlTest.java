package dev.bellows.lint.rules;

import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintFixtures;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.RuleExample;
import dev.bellows.lint.ServerVersion;
import dev.bellows.model.Phase;
import org.junit.jupiter.api.Test;

import java.util.List;

class TransactionControlTest extends RuleTestSupport {

    TransactionControlTest() {
        super("transaction-control");
    }

    @Test
    void flagsUnclosedAndNestedBegin() {
        flags(PG, EXPAND, "BEGIN; ALTER TABLE orders ADD COLUMN note text");
        flags(PG, EXPAND, "BEGIN; BEGIN; ALTER TABLE orders ADD COLUMN note text; COMMIT; COMMIT");
        flags(MYSQL, EXPAND, "START TRANSACTION; INSERT INTO t VALUES (1)");
    }

    @Test
    void passesClosedBlocks() {
        passes(PG, EXPAND, "BEGIN; ALTER TABLE orders ADD COLUMN note text; COMMIT");
        passes(PG, EXPAND, "BEGIN; ALTER TABLE orders ADD COLUMN note text; ROLLBACK; BEGIN; SELECT 1; END");
        passes(MYSQL, EXPAND, "CREATE PROCEDURE p() BEGIN SELECT 1; END");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "BEGIN; ALTER TABLE orders ADD COLUMN note text"),
                RuleExample.passes(PG, EXPAND, "BEGIN; ALTER TABLE orders ADD COLUMN note text; COMMIT"),
                RuleExample.flags(MYSQL, EXPAND, "START TRANSACTION; INSERT INTO t VALUES (1)"),
                RuleExample.passes(MYSQL, EXPAND, "START TRANSACTION; INSERT INTO t VALUES (1); COMMIT"));
    }
}
