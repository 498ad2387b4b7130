package dev.bellows.lint.rules;

import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintFixtures;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.RuleExample;
import dev.bellows.lint.ServerVersion;
import dev.bellows.model.Phase;
import org.junit.jupiter.api.Test;

import java.util.List;

class UncheckedDynamicSqlTest extends RuleTestSupport {

    UncheckedDynamicSqlTest() {
        super("unchecked-dynamic-sql");
    }

    @Test
    void flagsExecuteButNotStaticStatementsOrTriggerDefinitions() {
        flags(PG, EXPAND, "DO $$ DECLARE t text := 'orders'; BEGIN EXECUTE format('DROP TABLE %I', t); END $$");
        passes(PG, EXPAND, "DO $$ BEGIN ALTER TABLE orders ADD COLUMN note text; END $$");
        passes(PG, EXPAND, "DO $$ BEGIN CREATE TRIGGER tr AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION f(); END $$");
        passes(PG, EXPAND, "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE 'SELECT 1'; END $$");
    }

    @Test
    void flagsACallOfARoutineTheFileCreatesWhoseBodyRunsExecute() {
        flags(PG, EXPAND, "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE 'DROP TABLE orders'; "
                + "END $$;\nSELECT f();");
        flags(PG, EXPAND, "CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN EXECUTE 'DROP TABLE orders'; END $$;\n"
                + "CALL p();");
        passes(PG, EXPAND, "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE 'SELECT 1'; END $$;\n"
                + "SELECT g();");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "DO $$ BEGIN EXECUTE 'DROP TABLE orders'; END $$"),
                RuleExample.passes(PG, EXPAND, "DO $$ BEGIN ALTER TABLE orders ADD COLUMN note text; END $$"));
    }
}
