package dev.bellows.lint.rules;

import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintFixtures;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.RuleExample;
import dev.bellows.lint.ServerVersion;
import dev.bellows.model.Phase;
import org.junit.jupiter.api.Test;

import java.util.List;

class SessionSettingTest extends RuleTestSupport {

    SessionSettingTest() {
        super("session-setting");
    }

    @Test
    void flagsSettingsThatChangeEffects() {
        flags(PG, EXPAND, "SET TIME ZONE 'Europe/Berlin'");
        flags(PG, EXPAND, "SET timezone = 'America/New_York'");
        flags(PG, EXPAND, "SET session_replication_role = replica");
        flags(MYSQL, EXPAND, "SET foreign_key_checks = 0");
        flags(MYSQL, EXPAND, "SET SESSION sql_mode = ''");
    }

    @Test
    void passesTimeoutsUtcAndReEnabling() {
        passes(PG, EXPAND, "SET lock_timeout = '2s'");
        passes(PG, EXPAND, "SET TIME ZONE 'UTC'");
        passes(MYSQL, EXPAND, "SET foreign_key_checks = 1");
        passes(MYSQL, EXPAND, "SET lock_wait_timeout = 5");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "SET TIME ZONE 'Europe/Berlin'"),
                RuleExample.passes(PG, EXPAND, "SET lock_timeout = '2s'"),
                RuleExample.flags(MYSQL, EXPAND, "SET foreign_key_checks = 0"),
                RuleExample.passes(MYSQL, EXPAND, "SET foreign_key_checks = 1"));
    }
}
