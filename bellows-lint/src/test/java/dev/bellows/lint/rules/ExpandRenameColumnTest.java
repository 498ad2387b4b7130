package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExpandRenameColumnTest extends RuleTestSupport {

    ExpandRenameColumnTest() {
        super("expand-rename-column");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void flagsRenamingAColumn(LintDialect d) {
        var f = flags(d, EXPAND, "ALTER TABLE books RENAME COLUMN title TO name");
        assertThat(f.get(0).help()).anyMatch(h -> h.contains("books.name"));
    }

    @Test
    void flagsMySqlChangeWithANewNameAndPostgresShortForm() {
        flags(MYSQL, EXPAND, "ALTER TABLE books CHANGE title name varchar(200) NOT NULL");
        flags(PG, EXPAND, "ALTER TABLE books RENAME title TO name");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void passesInContract(LintDialect d) {
        passes(d, CONTRACT, "ALTER TABLE books RENAME COLUMN title TO name");
        passes(d, EXPAND, "ALTER TABLE books ADD COLUMN nme int; ALTER TABLE books RENAME COLUMN nme TO name");
    }

    @Test
    void passesMySqlChangeKeepingTheName() {
        passes(MYSQL, CONTRACT, "ALTER TABLE books CHANGE title title varchar(200)");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "ALTER TABLE books RENAME title TO name"),
                RuleExample.flags(MYSQL, EXPAND, "ALTER TABLE books CHANGE title name varchar(200) NOT NULL"),
                RuleExample.passes(PG, CONTRACT, "ALTER TABLE books RENAME COLUMN title TO name"),
                RuleExample.passes(MYSQL, CONTRACT, "ALTER TABLE books RENAME COLUMN title TO name"));
    }
}
