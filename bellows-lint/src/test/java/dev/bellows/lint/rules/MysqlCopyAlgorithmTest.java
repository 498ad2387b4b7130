package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.ServerVersion;
import org.junit.jupiter.api.Test;

class MysqlCopyAlgorithmTest extends RuleTestSupport {

    MysqlCopyAlgorithmTest() {
        super("mysql-copy-algorithm");
    }

    @Test
    void flagsCopyAndBlockingLocks() {
        flags(MYSQL, EXPAND, "ALTER TABLE books ADD COLUMN x int, ALGORITHM=COPY");
        flags(MYSQL, EXPAND, "ALTER TABLE books ADD INDEX i (x), LOCK=SHARED");
        flags(MYSQL, EXPAND, "CREATE INDEX i ON books (x) ALGORITHM=INPLACE LOCK=EXCLUSIVE");
    }

    @Test
    void passesOnlineClausesAndMariaDbOnlineCopy() {
        passes(MYSQL, EXPAND, "ALTER TABLE books ADD COLUMN x int, ALGORITHM=INSTANT");
        passes(MYSQL, EXPAND, "ALTER TABLE books ADD INDEX i (x), ALGORITHM=INPLACE, LOCK=NONE");
        passes(LintOptions.of(LintDialect.MYSQL).withMysqlVersion(ServerVersion.parse("11.4")), EXPAND,
                "ALTER TABLE books MODIFY x bigint, ALGORITHM=COPY, LOCK=NONE");
        flags(LintOptions.of(LintDialect.MYSQL).withMysqlVersion(ServerVersion.parse("10.11")), EXPAND,
                "ALTER TABLE books MODIFY x bigint, ALGORITHM=COPY, LOCK=NONE");
        passes(PG, EXPAND, "LOCK TABLE books IN SHARE MODE");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(MYSQL, EXPAND, "ALTER TABLE books ADD COLUMN x int, ALGORITHM=COPY"),
                RuleExample.passes(MYSQL, EXPAND, "ALTER TABLE books ADD COLUMN x int, ALGORITHM=INSTANT"));
    }
}
