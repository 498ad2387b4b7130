package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class MigrateUnboundedDmlTest extends RuleTestSupport {

    MigrateUnboundedDmlTest() {
        super("migrate-unbounded-dml");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void flagsUnboundedUpdatesAndDeletes(LintDialect d) {
        var f = flags(d, MIGRATE, "UPDATE books SET isbn = '' WHERE isbn IS NULL");
        assertThat(f.get(0).help().get(0)).contains("UPDATE books SET").contains("id >= :lo");
        flags(d, MIGRATE, "DELETE FROM books WHERE state = 'gone'");
        flags(d, MIGRATE, "UPDATE books SET isbn = ''");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void passesBoundedStatements(LintDialect d) {
        passes(d, MIGRATE, "UPDATE books SET isbn = '' WHERE id >= 1 AND id < 1001");
        passes(d, MIGRATE, "DELETE FROM books WHERE id BETWEEN 1 AND 1000");
        passes(d, MIGRATE, "UPDATE books SET isbn = '' WHERE id = 42");
    }

    @Test
    void passesMySqlLimitAndPostgresBatchSubquery() {
        passes(MYSQL, MIGRATE, "UPDATE books SET isbn = '' WHERE isbn IS NULL LIMIT 1000");
        passes(PG, MIGRATE, "UPDATE books SET isbn = '' WHERE id IN (SELECT id FROM books WHERE isbn IS NULL LIMIT 1000)");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, MIGRATE, "UPDATE books SET isbn = '' WHERE isbn IS NULL"),
                RuleExample.flags(MYSQL, MIGRATE, "DELETE FROM books WHERE state = 'gone'"),
                RuleExample.passes(PG, MIGRATE, "UPDATE books SET isbn = '' WHERE id >= 1 AND id < 1001"),
                RuleExample.passes(MYSQL, MIGRATE, "UPDATE books SET isbn = '' WHERE isbn IS NULL LIMIT 1000"));
    }
}
