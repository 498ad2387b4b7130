package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.ServerVersion;
import org.junit.jupiter.api.Test;

class PgVolatileDefaultTest extends RuleTestSupport {

    PgVolatileDefaultTest() {
        super("pg-volatile-default");
    }

    @Test
    void flagsVolatileDefaultsAndSerials() {
        flags(PG, EXPAND, "ALTER TABLE books ADD COLUMN uid uuid DEFAULT gen_random_uuid()");
        flags(PG, EXPAND, "ALTER TABLE books ADD COLUMN created timestamptz NOT NULL DEFAULT clock_timestamp()");
        flags(PG, EXPAND, "ALTER TABLE books ADD COLUMN seq bigserial");
        flags(PG, EXPAND, "ALTER TABLE books ADD COLUMN n int GENERATED ALWAYS AS IDENTITY");
    }

    /** Review B item 7: a STORED generated column has its own wording, not "default <expression>". */
    @Test
    void flagsAStoredGeneratedColumnWithItsOwnWording() {
        var f = flags(PG, EXPAND, "ALTER TABLE books ADD COLUMN total int GENERATED ALWAYS AS (price * qty) STORED");
        org.assertj.core.api.Assertions.assertThat(f.get(0).message()).contains("STORED generated column")
                .contains("books.total").doesNotContain("<expression>");
        org.assertj.core.api.Assertions.assertThat(String.join("\n", f.get(0).help())).doesNotContain("SET DEFAULT");
    }

    @Test
    void flagsAnyDefaultBeforePostgres11() {
        flags(LintOptions.of(LintDialect.POSTGRESQL).withPgVersion(ServerVersion.parse("10")), EXPAND,
                "ALTER TABLE books ADD COLUMN pages int DEFAULT 0");
    }

    @Test
    void passesStableDefaultsNewTablesAndMySql() {
        passes(PG, EXPAND, "ALTER TABLE books ADD COLUMN created timestamptz NOT NULL DEFAULT now()");
        passes(PG, EXPAND, "ALTER TABLE books ADD COLUMN at timestamp DEFAULT CURRENT_TIMESTAMP");
        passes(PG, EXPAND, "CREATE TABLE t (id int); ALTER TABLE t ADD COLUMN u uuid DEFAULT gen_random_uuid()");
        passes(MYSQL, EXPAND, "ALTER TABLE books ADD COLUMN at datetime DEFAULT CURRENT_TIMESTAMP");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "ALTER TABLE books ADD COLUMN uid uuid DEFAULT gen_random_uuid()"),
                RuleExample.flags(PG, EXPAND, "ALTER TABLE books ADD COLUMN total int GENERATED ALWAYS AS (price * qty) STORED"),
                RuleExample.passes(PG, EXPAND, "ALTER TABLE books ADD COLUMN placed_at timestamptz NOT NULL DEFAULT now()"));
    }
}
