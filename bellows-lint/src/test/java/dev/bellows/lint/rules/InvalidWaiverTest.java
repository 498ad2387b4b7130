package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import dev.bellows.lint.LintDialect;

class InvalidWaiverTest extends RuleTestSupport {

    InvalidWaiverTest() {
        super("invalid-waiver");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void flagsAWaiverWithoutReason(LintDialect d) {
        flags(d, CONTRACT, "-- bellows:allow expand-drop-table\nDROP TABLE books");
        flags(d, CONTRACT, "-- bellows:allow expand-drop-table reason:\nDROP TABLE books");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void flagsAnUnknownRule(LintDialect d) {
        flags(d, CONTRACT, "-- bellows:allow expand-drop-tables reason: legacy\nDROP TABLE books");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void flagsAWaiverAfterTheLastStatement(LintDialect d) {
        flags(d, CONTRACT, "DROP TABLE books;\n-- bellows:allow expand-drop-table reason: unused\n");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void passesAWaiverWithReason(LintDialect d) {
        passes(d, CONTRACT, "-- bellows:allow expand-drop-table reason: table unused since 2.0\nDROP TABLE books");
        passes(d, CONTRACT, "-- bellows:allow verify-rewrite reason: the table has ten rows\nDROP TABLE books");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, CONTRACT, "-- bellows:allow expand-drop-table\nDROP TABLE books"),
                RuleExample.flags(MYSQL, CONTRACT, "-- bellows:allow expand-drop-tables reason: legacy\nDROP TABLE books"),
                RuleExample.passes(PG, EXPAND, "-- bellows:allow expand-drop-table reason: unused since 1.0\nDROP TABLE books"),
                RuleExample.passes(MYSQL, EXPAND, "-- bellows:allow expand-drop-table reason: unused since 1.0\nDROP TABLE books"));
    }
}
