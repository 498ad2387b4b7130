package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintFixtures;
import org.junit.jupiter.api.Test;

class MysqlTableCopyTest extends RuleTestSupport {

    MysqlTableCopyTest() {
        super("mysql-table-copy");
    }

    @Test
    void flagsCopyingChanges() {
        flags(LintFixtures.history(MYSQL, "1.0/expand", "CREATE TABLE t (id int, n int)",
                "1.1/contract", "ALTER TABLE t MODIFY n bigint NOT NULL"), "type change");
        flags(MYSQL, CONTRACT, "ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        flags(MYSQL, CONTRACT, "ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id, tenant_id)");
        flags(MYSQL, EXPAND, "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a_id) REFERENCES a (id)");
    }

    /** Review B item 7: adding a STORED generated column needs ALGORITHM=COPY. */
    @Test
    void flagsAddingAStoredGeneratedColumn() {
        var f = flags(MYSQL, EXPAND, "ALTER TABLE t ADD COLUMN x INT AS (a+1) STORED");
        org.assertj.core.api.Assertions.assertThat(f.get(0).message()).contains("t.x").contains("STORED");
        flags(MYSQL, EXPAND, "ALTER TABLE t ADD COLUMN x INT GENERATED ALWAYS AS (a + 1) STORED NOT NULL");
        flags(MYSQL, EXPAND, "ALTER TABLE t ADD COLUMN x INT AS (a + 1) PERSISTENT");
    }

    @Test
    void passesAVirtualGeneratedColumnOrAStoredOneOnANewTable() {
        passes(MYSQL, EXPAND, "ALTER TABLE t ADD COLUMN x INT AS (a+1) VIRTUAL");
        passes(MYSQL, EXPAND, "ALTER TABLE t ADD COLUMN x INT AS (a+1)");
        passes(MYSQL, EXPAND, "CREATE TABLE t (a int, x int AS (a+1) STORED); ALTER TABLE t ADD COLUMN y INT AS (a+2) STORED");
    }

    @Test
    void passesOnlineChangesPinnedAlgorithmsNewTablesAndPostgres() {
        passes(MYSQL, EXPAND, "ALTER TABLE t ADD COLUMN x int, ADD INDEX t_x (x)");
        passes(LintFixtures.history(MYSQL, "1.0/expand", "CREATE TABLE t (id int, n int NOT NULL)",
                "1.1/contract", "ALTER TABLE t MODIFY n int NULL"), "NULL-ability change: rebuilt in place, DML allowed");
        passes(LintFixtures.history(MYSQL, "1.0/expand", "CREATE TABLE t (id int, s varchar(20))",
                "1.1/contract", "ALTER TABLE t MODIFY s varchar(40)"), "varchar widening");
        passes(MYSQL, CONTRACT, "ALTER TABLE t MODIFY n bigint, ALGORITHM=INPLACE, LOCK=NONE");
        passes(MYSQL, EXPAND, "CREATE TABLE t (id int, n int); ALTER TABLE t MODIFY n bigint");
        passes(PG, CONTRACT, "ALTER TABLE t ALTER COLUMN n DROP NOT NULL");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(MYSQL, EXPAND, "ALTER TABLE t ADD COLUMN x INT AS (a+1) STORED"),
                RuleExample.flagsHistory(MYSQL, "1.0/expand", "CREATE TABLE t (id int, n int)",
                        "1.1/contract", "ALTER TABLE t MODIFY n bigint NOT NULL"),
                RuleExample.passes(MYSQL, EXPAND, "ALTER TABLE t ADD COLUMN x INT AS (a+1) VIRTUAL"),
                RuleExample.passes(MYSQL, CONTRACT, "ALTER TABLE t MODIFY n bigint, ALGORITHM=INPLACE, LOCK=NONE"));
    }
}
