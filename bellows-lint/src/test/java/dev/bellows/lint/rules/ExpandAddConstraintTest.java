package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExpandAddConstraintTest extends RuleTestSupport {

    ExpandAddConstraintTest() {
        super("expand-add-constraint");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void flagsNewConstraintsOnExistingTables(LintDialect d) {
        flags(d, EXPAND, "ALTER TABLE books ADD CONSTRAINT books_isbn_key UNIQUE (isbn)");
        flags(d, EXPAND, "ALTER TABLE books ADD CONSTRAINT pages_positive CHECK (pages > 0)");
        flags(d, EXPAND, "ALTER TABLE books ADD CONSTRAINT books_author_fk FOREIGN KEY (author_id) REFERENCES authors (id)");
        flags(d, EXPAND, "CREATE UNIQUE INDEX books_isbn ON books (isbn)");
    }

    @Test
    void flagsAMySqlRedefinitionThatAddsUniqueness() {
        flags(MYSQL, EXPAND, "ALTER TABLE books MODIFY isbn varchar(20) UNIQUE");
    }

    /** An exclusion constraint has no USING INDEX: its steps must not suggest one. */
    @Test
    void flagsAnExclusionConstraintWithItsOwnSteps() {
        var f = flags(PG, EXPAND, "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist "
                + "(room_id WITH =, during WITH &&)");
        org.assertj.core.api.Assertions.assertThat(String.join("\n", f.get(0).help()))
                .contains("bookings_no_overlap").doesNotContain("USING INDEX").doesNotContain("duplicate");
    }

    /** Review B item 4: NOT VALID skips existing rows only; release N-1's new writes are still checked. */
    @Test
    void flagsNotValidOnPostgresToo() {
        var f = flags(PG, EXPAND, "ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users(id) NOT VALID");
        org.assertj.core.api.Assertions.assertThat(f.get(0).message()).contains("NOT VALID").contains("orders");
        org.assertj.core.api.Assertions.assertThat(String.join("\n", f.get(0).help()))
                .contains("VALIDATE CONSTRAINT");
        flags(PG, EXPAND, "ALTER TABLE books ADD CONSTRAINT pages_positive CHECK (pages > 0) NOT VALID");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void passesOnNewTablesOrNewColumnsOrInContract(LintDialect d) {
        passes(d, EXPAND, "CREATE TABLE t (id int); ALTER TABLE t ADD CONSTRAINT t_u UNIQUE (id)");
        passes(d, EXPAND, "ALTER TABLE books ADD COLUMN author_id int REFERENCES authors (id)");
        passes(d, CONTRACT, "ALTER TABLE books ADD CONSTRAINT books_isbn_key UNIQUE (isbn)");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID"),
                RuleExample.flags(MYSQL, EXPAND, "ALTER TABLE books ADD CONSTRAINT books_isbn_key UNIQUE (isbn)"),
                RuleExample.passes(PG, CONTRACT, "ALTER TABLE books ADD CONSTRAINT pages_positive CHECK (pages > 0) NOT VALID"),
                RuleExample.passes(MYSQL, EXPAND, "ALTER TABLE books ADD COLUMN author_id int REFERENCES authors (id)"));
    }
}
