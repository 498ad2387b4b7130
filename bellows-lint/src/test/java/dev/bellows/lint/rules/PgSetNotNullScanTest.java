package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintFixtures;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.ServerVersion;
import dev.bellows.model.Phase;
import org.junit.jupiter.api.Test;


class PgSetNotNullScanTest extends RuleTestSupport {

    private static final String WITH_CHECK = "ALTER TABLE books ADD CONSTRAINT c CHECK (isbn IS NOT NULL) NOT VALID;\n"
            + "ALTER TABLE books VALIDATE CONSTRAINT c;\n"
            + "ALTER TABLE books ALTER COLUMN isbn SET NOT NULL";

    PgSetNotNullScanTest() {
        super("pg-set-not-null-scan");
    }

    @Test
    void flagsSetNotNullWithoutAValidatedCheck() {
        flags(PG, CONTRACT, "ALTER TABLE books ALTER COLUMN isbn SET NOT NULL");
        flags(PG, CONTRACT, "ALTER TABLE books ADD CONSTRAINT c CHECK (isbn IS NOT NULL) NOT VALID;\n"
                + "ALTER TABLE books ALTER COLUMN isbn SET NOT NULL");
    }

    @Test
    void passesAfterAValidatedCheckFromPostgres12() {
        passes(PG, CONTRACT, WITH_CHECK);
        passes(LintFixtures.history(PG, "1.0/expand", "CREATE TABLE books (id int, isbn text)",
                "1.1/expand", "ALTER TABLE books ADD CONSTRAINT c CHECK (isbn IS NOT NULL)",
                "1.1/contract", "ALTER TABLE books ALTER COLUMN isbn SET NOT NULL"), "check added in expand");
        passes(MYSQL, CONTRACT, "ALTER TABLE books MODIFY isbn varchar(20) NULL");
    }

    @Test
    void theCheckDoesNotHelpBeforePostgres12() {
        flags(LintOptions.of(LintDialect.POSTGRESQL).withPgVersion(ServerVersion.parse("11.5")), Phase.CONTRACT,
                WITH_CHECK);
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, CONTRACT, "ALTER TABLE books ALTER COLUMN isbn SET NOT NULL"),
                RuleExample.passes(PG, CONTRACT, "ALTER TABLE books ADD CONSTRAINT c CHECK (isbn IS NOT NULL) NOT VALID;\n"
                        + "ALTER TABLE books VALIDATE CONSTRAINT c;\nALTER TABLE books ALTER COLUMN isbn SET NOT NULL"));
    }
}
