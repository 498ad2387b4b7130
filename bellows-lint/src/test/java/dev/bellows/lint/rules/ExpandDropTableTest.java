package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExpandDropTableTest extends RuleTestSupport {

    ExpandDropTableTest() {
        super("expand-drop-table");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void flagsDroppingAnExistingTable(LintDialect d) {
        assertThat(flags(d, EXPAND, "DROP TABLE IF EXISTS books").get(0).message()).contains("books");
        flags(d, EXPAND, "DROP TABLE authors, books");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void passesInContractAndForTablesNewInTheRelease(LintDialect d) {
        passes(d, CONTRACT, "DROP TABLE books");
        passes(d, EXPAND, "CREATE TABLE tmp_books (id int); DROP TABLE tmp_books");
        passes(LintFixtures.history(d, "1.0/expand", "CREATE TABLE b (id int)", "1.1/expand", "CREATE TABLE t (id int)",
                "1.1/expand", "DROP TABLE t"), "table created in the same release");
        flags(LintFixtures.history(d, "1.0/expand", "CREATE TABLE t (id int)", "1.1/expand", "DROP TABLE t"),
                "table of an earlier release");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "DROP TABLE books"),
                RuleExample.flags(MYSQL, EXPAND, "DROP TABLE authors, books"),
                RuleExample.passes(PG, CONTRACT, "DROP TABLE books"),
                RuleExample.passes(MYSQL, EXPAND, "CREATE TABLE tmp_books (id int); DROP TABLE tmp_books"));
    }
}
