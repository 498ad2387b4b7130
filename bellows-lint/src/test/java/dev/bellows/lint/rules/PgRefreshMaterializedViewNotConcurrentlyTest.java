package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Review B item 12: REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks every read of the view. */
class PgRefreshMaterializedViewNotConcurrentlyTest extends RuleTestSupport {

    PgRefreshMaterializedViewNotConcurrentlyTest() {
        super("pg-refresh-matview-not-concurrently");
    }

    @Test
    void flagsAPlainRefresh() {
        var f = flags(PG, MIGRATE, "REFRESH MATERIALIZED VIEW sales_summary");
        assertThat(f.get(0).message()).contains("sales_summary").contains("ACCESS EXCLUSIVE");
        assertThat(String.join("\n", f.get(0).help()))
                .contains("REFRESH MATERIALIZED VIEW CONCURRENTLY sales_summary")
                .contains("CREATE UNIQUE INDEX");
        flags(PG, CONTRACT, "REFRESH MATERIALIZED VIEW public.sales_summary WITH DATA");
        flags(LintFixtures.history(PG, "1.0/expand", "CREATE MATERIALIZED VIEW s AS SELECT 1 AS id",
                "2.0/expand", "REFRESH MATERIALIZED VIEW s"), "a view from an earlier release");
    }

    @Test
    void passesConcurrentlyNewViewsAndMySql() {
        passes(PG, MIGRATE, "REFRESH MATERIALIZED VIEW CONCURRENTLY sales_summary");
        passes(PG, EXPAND, "CREATE MATERIALIZED VIEW s AS SELECT 1 AS id WITH NO DATA; REFRESH MATERIALIZED VIEW s");
        passes(MYSQL, MIGRATE, "SHOW TABLES");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, MIGRATE, "REFRESH MATERIALIZED VIEW sales_summary"),
                RuleExample.passes(PG, MIGRATE, "REFRESH MATERIALIZED VIEW CONCURRENTLY sales_summary"));
    }
}
