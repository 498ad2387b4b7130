package dev.bellows.lint.rules;

import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintFixtures;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.RuleExample;
import dev.bellows.lint.ServerVersion;
import dev.bellows.model.Phase;
import org.junit.jupiter.api.Test;

import java.util.List;

class ContractRenameTest extends RuleTestSupport {

    ContractRenameTest() {
        super("contract-rename");
    }

    @Test
    void flagsRenamesInContract() {
        flags(PG, CONTRACT, "ALTER TABLE orders RENAME COLUMN note TO remark");
        flags(PG, CONTRACT, "ALTER TABLE orders RENAME TO purchases");
        flags(PG, CONTRACT, "ALTER VIEW order_totals RENAME TO totals");
        flags(MYSQL, CONTRACT, "RENAME TABLE orders TO purchases");
        flags(MYSQL, CONTRACT, "ALTER TABLE orders CHANGE note remark text");
    }

    @Test
    void passesOtherPhasesReplacementsAndObjectsCreatedInThisContract() {
        passes(PG, EXPAND, "ALTER TABLE orders RENAME COLUMN note TO remark");
        passes(PG, CONTRACT, "CREATE TABLE tmp (id int); ALTER TABLE tmp RENAME TO tmp2");
        passes(PG, CONTRACT, "ALTER TYPE mood RENAME TO mood_old; CREATE TYPE mood AS ENUM ('a', 'b')");
        passes(MYSQL, CONTRACT, "ALTER TABLE orders CHANGE note note text NOT NULL");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, CONTRACT, "ALTER TABLE orders RENAME COLUMN note TO remark"),
                RuleExample.passes(PG, CONTRACT, "ALTER TABLE orders DROP COLUMN note"),
                RuleExample.flags(MYSQL, CONTRACT, "RENAME TABLE orders TO purchases"),
                RuleExample.passes(MYSQL, CONTRACT, "ALTER TABLE orders DROP COLUMN note"));
    }
}
