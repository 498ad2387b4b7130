package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpandDropEnumValueTest extends RuleTestSupport {

    ExpandDropEnumValueTest() {
        super("expand-drop-enum-value");
    }

    @Test
    void flagsRemovingAMySqlEnumValue() {
        var f = flags(LintFixtures.history(MYSQL,
                "1.0/expand", "CREATE TABLE books (id int, state enum('draft','live','gone'))",
                "1.1/expand", "ALTER TABLE books MODIFY state enum('draft','live')"), "value removed");
        assertThat(f.get(0).message()).contains("gone");
    }

    @Test
    void passesAppendingAValueOrInContract() {
        passes(LintFixtures.history(MYSQL,
                "1.0/expand", "CREATE TABLE books (id int, state enum('draft','live'))",
                "1.1/expand", "ALTER TABLE books MODIFY state enum('draft','live','gone')"), "value appended");
        passes(LintFixtures.history(MYSQL,
                "1.0/expand", "CREATE TABLE books (id int, state enum('draft','live','gone'))",
                "1.1/contract", "ALTER TABLE books MODIFY state enum('draft','live')"), "in contract");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flagsHistory(MYSQL, "1.0/expand", "CREATE TABLE books (id int, state enum('draft','live','gone'))",
                        "1.1/expand", "ALTER TABLE books MODIFY state enum('draft','live')"),
                RuleExample.passesHistory(MYSQL, "1.0/expand", "CREATE TABLE books (id int, state enum('draft','live'))",
                        "1.1/expand", "ALTER TABLE books MODIFY state enum('draft','live','gone')"));
    }
}
