package dev.bellows.lint.rules;

import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintFixtures;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.RuleExample;
import dev.bellows.lint.ServerVersion;
import dev.bellows.model.Phase;
import org.junit.jupiter.api.Test;

import java.util.List;

class PgAlterDomainAddConstraintTest extends RuleTestSupport {

    PgAlterDomainAddConstraintTest() {
        super("pg-alter-domain-add-constraint");
    }

    @Test
    void flagsCheckedAdditions() {
        flags(PG, CONTRACT, "ALTER DOMAIN positive ADD CONSTRAINT positive_check CHECK (VALUE > 0)");
        flags(PG, CONTRACT, "ALTER DOMAIN positive SET NOT NULL");
    }

    @Test
    void passesNotValidAndOtherDomainChanges() {
        passes(PG, CONTRACT, "ALTER DOMAIN positive ADD CONSTRAINT positive_check CHECK (VALUE > 0) NOT VALID");
        passes(PG, CONTRACT, "ALTER DOMAIN positive VALIDATE CONSTRAINT positive_check");
        passes(PG, CONTRACT, "ALTER DOMAIN positive DROP NOT NULL");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, CONTRACT, "ALTER DOMAIN positive ADD CONSTRAINT c CHECK (VALUE > 0)"),
                RuleExample.passes(PG, CONTRACT, "ALTER DOMAIN positive ADD CONSTRAINT c CHECK (VALUE > 0) NOT VALID"));
    }
}
