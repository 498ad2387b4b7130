package dev.bellows.lint.rules;

import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintFixtures;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.RuleExample;
import dev.bellows.lint.ServerVersion;
import dev.bellows.model.Phase;
import org.junit.jupiter.api.Test;

import java.util.List;

class ExpandAddJsonColumnTest extends RuleTestSupport {

    ExpandAddJsonColumnTest() {
        super("expand-add-json-column");
    }

    @Test
    void flagsJsonOnExistingTablesInExpand() {
        flags(PG, EXPAND, "ALTER TABLE orders ADD COLUMN meta json");
        flags(PG, EXPAND, "ALTER TABLE orders ALTER COLUMN meta TYPE json USING meta::json");
        passes(PG, EXPAND, "ALTER TABLE orders ADD COLUMN meta jsonb");
        passes(PG, EXPAND, "CREATE TABLE x (id int); ALTER TABLE x ADD COLUMN meta json");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "ALTER TABLE orders ADD COLUMN meta json"),
                RuleExample.passes(PG, EXPAND, "ALTER TABLE orders ADD COLUMN meta jsonb"));
    }
}
