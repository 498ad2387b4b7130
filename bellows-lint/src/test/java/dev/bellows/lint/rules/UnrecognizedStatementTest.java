package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import dev.bellows.model.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnrecognizedStatementTest extends RuleTestSupport {

    UnrecognizedStatementTest() {
        super("unrecognized-statement");
    }

    @Test
    void flagsGibberishWithItsPosition() {
        List<Finding> f = flags(PG, EXPAND, "CREATE TABLE t (id int);\n\n  FROBNICATE the table");
        assertThat(f.get(0).line()).isEqualTo(3);
        assertThat(f.get(0).column()).isEqualTo(3);
        flags(MYSQL, EXPAND, "ALTER TABLE t FROBNICATE COLUMN x");
    }

    @Test
    void flagsAnUnsplittableFile() {
        flags(PG, EXPAND, "SELECT 'unterminated");
        flags(MYSQL, EXPAND, "SELECT \"unterminated");
    }

    @Test
    void passesKnownStatements() {
        passes(PG, EXPAND, "SET lock_timeout = '1s'; COMMENT ON TABLE t IS 'x'; GRANT SELECT ON t TO app; "
                + "DO $$ BEGIN PERFORM 1; END $$; CREATE EXTENSION IF NOT EXISTS pgcrypto; ANALYZE t");
        passes(MYSQL, EXPAND, "SET NAMES utf8mb4; SET FOREIGN_KEY_CHECKS = 0; USE app; SELECT 1");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "SELECT 'unterminated"),
                RuleExample.flags(MYSQL, EXPAND, "ALTER TABLE t FROBNICATE COLUMN x"),
                RuleExample.passes(PG, EXPAND, "SET lock_timeout = '1s'"),
                RuleExample.passes(MYSQL, EXPAND, "SHOW TABLES"));
    }
}
