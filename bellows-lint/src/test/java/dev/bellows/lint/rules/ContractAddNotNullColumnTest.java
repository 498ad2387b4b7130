package dev.bellows.lint.rules;

import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintFixtures;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.RuleExample;
import dev.bellows.lint.ServerVersion;
import dev.bellows.model.Phase;
import org.junit.jupiter.api.Test;

import java.util.List;

class ContractAddNotNullColumnTest extends RuleTestSupport {

    ContractAddNotNullColumnTest() {
        super("contract-add-not-null-column");
    }

    @Test
    void flagsInContractOnly() {
        flags(PG, CONTRACT, "ALTER TABLE orders ADD COLUMN region int NOT NULL");
        flags(MYSQL, CONTRACT, "ALTER TABLE orders ADD COLUMN region int NOT NULL");
        passes(PG, EXPAND, "CREATE TABLE x (id int); ALTER TABLE x ADD COLUMN region int NOT NULL");
        passes(PG, CONTRACT, "ALTER TABLE orders ADD COLUMN region int NOT NULL DEFAULT 0");
        passes(PG, CONTRACT, "CREATE TABLE x (id int); ALTER TABLE x ADD COLUMN region int NOT NULL");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, CONTRACT, "ALTER TABLE orders ADD COLUMN region int NOT NULL"),
                RuleExample.passes(PG, CONTRACT, "ALTER TABLE orders ADD COLUMN region int NOT NULL DEFAULT 0"),
                RuleExample.flags(MYSQL, CONTRACT, "ALTER TABLE orders ADD COLUMN region int NOT NULL"),
                RuleExample.passes(MYSQL, CONTRACT, "ALTER TABLE orders ADD COLUMN region int NULL"));
    }
}
