package dev.bellows.lint.rules;

import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintFixtures;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.RuleExample;
import dev.bellows.lint.ServerVersion;
import dev.bellows.model.Phase;
import org.junit.jupiter.api.Test;

import java.util.List;

class PgTypeChangeCheckScanTest extends RuleTestSupport {

    PgTypeChangeCheckScanTest() {
        super("pg-type-change-check-scan");
    }

    private static final String HISTORY = "CREATE TABLE t (id int, code varchar(20) CONSTRAINT code_set CHECK (code <> ''), "
            + "note varchar(20))";

    @Test
    void flagsAnInPlaceChangeOfACheckedColumn() {
        flags(LintFixtures.history(PG, "1.0/expand", HISTORY, "1.1/contract",
                "ALTER TABLE t ALTER COLUMN code TYPE varchar(40)"), "checked column");
        flags(LintFixtures.history(PG, "1.0/expand", "CREATE TABLE t (id int, code varchar(20))", "1.0/expand",
                "ALTER TABLE t ADD CONSTRAINT k CHECK (length(code) > 1)", "1.1/contract",
                "ALTER TABLE t ALTER COLUMN code TYPE text"), "table-level check");
    }

    @Test
    void passesUncheckedColumnsAndRewrites() {
        passes(LintFixtures.history(PG, "1.0/expand", HISTORY, "1.1/contract",
                "ALTER TABLE t ALTER COLUMN note TYPE varchar(40)"), "no check");
        passes(LintFixtures.history(PG, "1.0/expand", HISTORY, "1.1/contract",
                "ALTER TABLE t ALTER COLUMN code TYPE varchar(10)"), "a rewrite is another rule's");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                new RuleExample(PG, true, "varchar widening of a checked column", () -> LintFixtures.history(PG,
                        "1.0/expand", HISTORY, "1.1/contract", "ALTER TABLE t ALTER COLUMN code TYPE varchar(40)")),
                RuleExample.passes(PG, CONTRACT, "ALTER TABLE books ALTER COLUMN title TYPE varchar(40)"));
    }
}
