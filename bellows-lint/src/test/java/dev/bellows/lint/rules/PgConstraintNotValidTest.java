package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PgConstraintNotValidTest extends RuleTestSupport {

    PgConstraintNotValidTest() {
        super("pg-constraint-not-valid");
    }

    @Test
    void flagsForeignKeysAndChecksWithoutNotValid() {
        var f = flags(PG, EXPAND, "ALTER TABLE books ADD CONSTRAINT books_author_fk FOREIGN KEY (author_id) "
                + "REFERENCES authors (id) ON DELETE CASCADE");
        assertThat(f.get(0).help()).anyMatch(h -> h.contains("VALIDATE CONSTRAINT books_author_fk"));
        flags(PG, CONTRACT, "ALTER TABLE books ADD CHECK (pages > 0)");
        flags(PG, EXPAND, "ALTER TABLE books ADD COLUMN author_id int DEFAULT 1 REFERENCES authors (id)");
    }

    @Test
    void passesNotValidValidateNewTablesAndMySql() {
        passes(PG, EXPAND, "ALTER TABLE books ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES authors (id) NOT VALID");
        // issue 12: the new column is NULL in every existing row, PostgreSQL validates nothing (RealMigrationAccuracyTest)
        passes(PG, EXPAND, "ALTER TABLE books ADD COLUMN author_id int REFERENCES authors (id)");
        passes(PG, CONTRACT, "ALTER TABLE books VALIDATE CONSTRAINT fk");
        passes(PG, EXPAND, "CREATE TABLE t (id int); ALTER TABLE t ADD CONSTRAINT c CHECK (id > 0)");
        passes(MYSQL, EXPAND, "ALTER TABLE books ADD CONSTRAINT c CHECK (pages > 0)");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, CONTRACT, "ALTER TABLE books ADD CHECK (pages > 0)"),
                RuleExample.passes(PG, EXPAND, "ALTER TABLE books ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES authors (id) NOT VALID"));
    }
}
