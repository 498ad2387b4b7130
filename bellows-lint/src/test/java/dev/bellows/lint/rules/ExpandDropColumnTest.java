package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintDialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExpandDropColumnTest extends RuleTestSupport {

    ExpandDropColumnTest() {
        super("expand-drop-column");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void flagsDroppingAColumn(LintDialect d) {
        var f = flags(d, EXPAND, "ALTER TABLE books DROP COLUMN legacy_code");
        assertThat(f.get(0).message()).contains("books.legacy_code");
        assertThat(f.get(0).help()).anyMatch(h -> h.startsWith("1. ") && h.contains("books.legacy_code"));
        flags(d, EXPAND, "ALTER TABLE books ADD COLUMN x int, DROP legacy_code");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void passesInContractOrOnNewColumns(LintDialect d) {
        passes(d, CONTRACT, "ALTER TABLE books DROP COLUMN legacy_code");
        passes(d, EXPAND, "ALTER TABLE books ADD COLUMN scratch int; ALTER TABLE books DROP COLUMN scratch");
        passes(d, EXPAND, "ALTER TABLE books DROP CONSTRAINT books_code_check");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "ALTER TABLE books DROP COLUMN legacy_code"),
                RuleExample.flags(MYSQL, EXPAND, "ALTER TABLE books ADD COLUMN x int, DROP legacy_code"),
                RuleExample.passes(PG, CONTRACT, "ALTER TABLE books DROP COLUMN legacy_code"),
                RuleExample.passes(MYSQL, EXPAND, "ALTER TABLE books ADD COLUMN scratch int; ALTER TABLE books DROP COLUMN scratch"));
    }
}
