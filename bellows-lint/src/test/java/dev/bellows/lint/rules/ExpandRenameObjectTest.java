package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintFixtures;
import org.junit.jupiter.api.Test;

class ExpandRenameObjectTest extends RuleTestSupport {

    ExpandRenameObjectTest() {
        super("expand-rename-object");
    }

    @Test
    void flagsRenamesOfViewsFunctionsAndEnumValues() {
        flags(PG, EXPAND, "ALTER VIEW active_books RENAME TO live_books");
        flags(PG, EXPAND, "ALTER FUNCTION book_score(int) RENAME TO score");
        flags(PG, EXPAND, "ALTER TYPE book_state RENAME VALUE 'gone' TO 'deleted'");
    }

    @Test
    void passesAddingAnEnumValueOrInContractOrWhenNew() {
        passes(PG, EXPAND, "ALTER TYPE book_state ADD VALUE IF NOT EXISTS 'archived' AFTER 'live'");
        passes(PG, CONTRACT, "ALTER VIEW active_books RENAME TO live_books");
        passes(LintFixtures.history(PG, "1.1/expand", "CREATE VIEW v AS SELECT 1", "1.1/expand",
                "ALTER VIEW v RENAME TO w"), "new view");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "ALTER VIEW active_books RENAME TO live_books"),
                RuleExample.passes(PG, EXPAND, "ALTER TYPE book_state ADD VALUE IF NOT EXISTS 'archived' AFTER 'live'"));
    }
}
