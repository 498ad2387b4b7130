package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintDialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExpandAddNotNullColumnTest extends RuleTestSupport {

    ExpandAddNotNullColumnTest() {
        super("expand-add-not-null-column");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void flagsNotNullWithoutDefault(LintDialect d) {
        flags(d, EXPAND, "ALTER TABLE books ADD COLUMN isbn varchar(20) NOT NULL");
        flags(d, EXPAND, "ALTER TABLE books ADD isbn varchar(20) NOT NULL DEFAULT NULL");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void passesNullableOrDefaultedOrNewTable(LintDialect d) {
        passes(d, EXPAND, "ALTER TABLE books ADD COLUMN isbn varchar(20)");
        passes(d, EXPAND, "ALTER TABLE books ADD COLUMN pages int NOT NULL DEFAULT 0");
        passes(d, EXPAND, "CREATE TABLE t (id int); ALTER TABLE t ADD COLUMN isbn varchar(20) NOT NULL");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "ALTER TABLE books ADD COLUMN isbn varchar(20) NOT NULL"),
                RuleExample.flags(MYSQL, EXPAND, "ALTER TABLE books ADD isbn varchar(20) NOT NULL DEFAULT NULL"),
                RuleExample.passes(PG, EXPAND, "ALTER TABLE books ADD COLUMN pages int NOT NULL DEFAULT 0"),
                RuleExample.passes(MYSQL, EXPAND, "ALTER TABLE books ADD COLUMN isbn varchar(20)"));
    }
}
