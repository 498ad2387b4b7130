package dev.bellows.lint.rules;

import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintFixtures;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.RuleExample;
import dev.bellows.lint.ServerVersion;
import dev.bellows.model.Phase;
import org.junit.jupiter.api.Test;

import java.util.List;

class DropDatabaseTest extends RuleTestSupport {

    DropDatabaseTest() {
        super("drop-database");
    }

    @Test
    void flagsDropDatabaseInEveryPhase() {
        flags(PG, CONTRACT, "DROP DATABASE legacy");
        flags(PG, EXPAND, "DROP DATABASE IF EXISTS legacy");
        flags(MYSQL, MIGRATE, "DROP DATABASE legacy");
        passes(PG, CONTRACT, "DROP TABLE legacy");
        passes(MYSQL, CONTRACT, "DROP TABLE legacy");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, CONTRACT, "DROP DATABASE legacy"),
                RuleExample.passes(PG, CONTRACT, "DROP TABLE legacy"),
                RuleExample.flags(MYSQL, CONTRACT, "DROP DATABASE legacy"),
                RuleExample.passes(MYSQL, CONTRACT, "DROP TABLE legacy"));
    }
}
