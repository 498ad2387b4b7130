package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintDialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ExpandDropObjectTest extends RuleTestSupport {

    ExpandDropObjectTest() {
        super("expand-drop-object");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void flagsDropsOfViewsFunctionsProcedures(LintDialect d) {
        flags(d, EXPAND, "DROP VIEW active_books");
        flags(d, EXPAND, "DROP FUNCTION IF EXISTS book_score");
        flags(d, EXPAND, "DROP PROCEDURE archive_books");
    }

    @Test
    void flagsPostgresSequencesTypesSchemas() {
        flags(PG, EXPAND, "DROP SEQUENCE books_seq");
        flags(PG, EXPAND, "DROP TYPE book_state");
        flags(PG, EXPAND, "DROP SCHEMA reporting CASCADE");
        flags(PG, EXPAND, "DROP MATERIALIZED VIEW book_stats");
        flags(PG, EXPAND, "DROP FUNCTION book_score(integer, text)");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void passesInContractOrWhenNew(LintDialect d) {
        passes(d, CONTRACT, "DROP VIEW active_books");
        passes(d, EXPAND, "CREATE VIEW v AS SELECT 1; DROP VIEW v");
        passes(d, EXPAND, "DROP TRIGGER IF EXISTS books_audit" + (d == PG ? " ON books" : ""));
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "DROP VIEW active_books"),
                RuleExample.flags(MYSQL, EXPAND, "DROP PROCEDURE archive_books"),
                RuleExample.passes(PG, CONTRACT, "DROP VIEW active_books"),
                RuleExample.passes(MYSQL, CONTRACT, "DROP FUNCTION IF EXISTS book_score"));
    }
}
