package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.ServerVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Review B item 12: DETACH PARTITION without CONCURRENTLY when PostgreSQL 14+ offers it. */
class PgDetachPartitionNotConcurrentlyTest extends RuleTestSupport {

    private static final LintOptions PG14 = LintOptions.of(LintDialect.POSTGRESQL)
            .withPgVersion(ServerVersion.parse("14"));

    PgDetachPartitionNotConcurrentlyTest() {
        super("pg-detach-partition-not-concurrently");
    }

    @Test
    void flagsAPlainDetachOnPostgres14() {
        var f = flags(PG14, CONTRACT, "ALTER TABLE measurements DETACH PARTITION measurements_2024");
        assertThat(f.get(0).message()).contains("measurements_2024").contains("measurements")
                .contains("ACCESS EXCLUSIVE");
        assertThat(String.join("\n", f.get(0).help()))
                .contains("ALTER TABLE measurements DETACH PARTITION measurements_2024 CONCURRENTLY");
        flags(PG14, EXPAND, "ALTER TABLE ONLY public.measurements DETACH PARTITION public.measurements_2024");
    }

    @Test
    void passesConcurrentlyFinalizeOlderServersAndMySql() {
        passes(PG14, CONTRACT, "ALTER TABLE measurements DETACH PARTITION measurements_2024 CONCURRENTLY");
        passes(PG14, CONTRACT, "ALTER TABLE measurements DETACH PARTITION measurements_2024 FINALIZE");
        passes(PG, CONTRACT, "ALTER TABLE measurements DETACH PARTITION measurements_2024");
        passes(PG14, EXPAND, "CREATE TABLE m (id int) PARTITION BY RANGE (id); "
                + "ALTER TABLE m DETACH PARTITION m_1");
        passes(MYSQL, CONTRACT, "ALTER TABLE measurements REMOVE PARTITIONING");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG14, CONTRACT, "ALTER TABLE measurements DETACH PARTITION measurements_2024"),
                RuleExample.passes(PG14, CONTRACT, "ALTER TABLE measurements DETACH PARTITION measurements_2024 CONCURRENTLY"),
                RuleExample.passes(PG, CONTRACT, "ALTER TABLE measurements DETACH PARTITION measurements_2024"));
    }
}
