package dev.bellows.lint.rules;

import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintFixtures;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.RuleExample;
import dev.bellows.lint.ServerVersion;
import dev.bellows.model.Phase;
import org.junit.jupiter.api.Test;

import java.util.List;

class PgValidateInSameTransactionTest extends RuleTestSupport {

    PgValidateInSameTransactionTest() {
        super("pg-validate-in-same-transaction");
    }

    @Test
    void flagsValidationInTheSameTransactionAsTheLock() {
        flags(PG, CONTRACT, "ALTER TABLE orders ADD CONSTRAINT k CHECK (qty > 0) NOT VALID; "
                + "ALTER TABLE orders VALIDATE CONSTRAINT k");
        flags(PG, CONTRACT, "BEGIN; ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES users (id) NOT VALID; "
                + "ALTER TABLE orders VALIDATE CONSTRAINT fk; COMMIT");
    }

    @Test
    void passesValidationInItsOwnFileOrAfterAConcurrentStatement() {
        passes(PG, CONTRACT, "ALTER TABLE orders VALIDATE CONSTRAINT k");
        passes(LintFixtures.history(PG, "1.0/expand", "CREATE TABLE orders (id int, qty int)",
                "1.1/contract", "ALTER TABLE orders ADD CONSTRAINT k CHECK (qty > 0) NOT VALID",
                "1.1/contract", "ALTER TABLE orders VALIDATE CONSTRAINT k"), "two files");
        // a CONCURRENTLY statement makes the runner run each statement on its own
        passes(PG, CONTRACT, "ALTER TABLE orders ADD CONSTRAINT k CHECK (qty > 0) NOT VALID; "
                + "CREATE INDEX CONCURRENTLY orders_qty ON orders (qty); ALTER TABLE orders VALIDATE CONSTRAINT k");
        passes(PG, CONTRACT, "BEGIN; ALTER TABLE orders ADD CONSTRAINT k CHECK (qty > 0) NOT VALID; COMMIT; "
                + "CREATE INDEX CONCURRENTLY orders_qty ON orders (qty); ALTER TABLE orders VALIDATE CONSTRAINT k");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, CONTRACT, "ALTER TABLE orders ADD CONSTRAINT k CHECK (qty > 0) NOT VALID; "
                        + "ALTER TABLE orders VALIDATE CONSTRAINT k"),
                RuleExample.passes(PG, CONTRACT, "ALTER TABLE orders VALIDATE CONSTRAINT k"));
    }
}
