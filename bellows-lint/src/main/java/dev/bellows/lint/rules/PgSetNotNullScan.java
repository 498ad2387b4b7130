package dev.bellows.lint.rules;

import dev.bellows.lint.ColumnChange;
import dev.bellows.lint.LocksTable;
import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.schema.TableState;
import dev.bellows.model.Severity;

/**
 * PostgreSQL SET NOT NULL scans the table under ACCESS EXCLUSIVE, unless (PG 12+) a validated
 * {@code CHECK (col IS NOT NULL)} already proves it.
 */
public final class PgSetNotNullScan implements Rule, LocksTable {

    public static final RuleInfo INFO = new RuleInfo("pg-set-not-null-scan", Severity.ERROR, RuleInfo.POSTGRESQL,
            "SET NOT NULL without a validated CHECK",
            "SET NOT NULL reads the whole table under ACCESS EXCLUSIVE to prove there is no NULL: no reads or "
                    + "writes meanwhile. From PostgreSQL 12 a validated CHECK (col IS NOT NULL) lets it skip the scan.",
            "ADD CONSTRAINT … CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL and drop the check.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        boolean checkSkipsScan = ctx.options().pgVersion().atLeast(12, 0);
        for (ColumnChange c : ctx.columnChanges()) {
            if (!c.is(Op.SET_NOT_NULL)) {
                continue;
            }
            boolean proven = ctx.schema().table(c.table()).map(t -> hasCheck(t, c.column())).orElse(false);
            if (proven && checkSkipsScan) {
                continue;
            }
            String t = c.table();
            String col = c.column();
            String check = t + "_" + col + "_not_null";
            if (!checkSkipsScan) {
                ctx.report(this, c.action().at(), "SET NOT NULL on " + c.qualified() + " scans all of " + t
                                + " under ACCESS EXCLUSIVE, and PostgreSQL " + ctx.options().pgVersion()
                                + " cannot use a CHECK to skip it (that came in 12)",
                        "Keep the CHECK (" + col + " IS NOT NULL) constraint (NOT VALID, then VALIDATE) instead of "
                                + "SET NOT NULL until you run PostgreSQL 12 or later.");
                continue;
            }
            ctx.report(this, c.action().at(), "SET NOT NULL on " + c.qualified() + " scans all of " + t
                            + " under ACCESS EXCLUSIVE: no reads or writes of " + t + " until it ends",
                    "ALTER TABLE " + t + " ADD CONSTRAINT " + check + " CHECK (" + col + " IS NOT NULL) NOT VALID;",
                    "In a later migration file: ALTER TABLE " + t + " VALIDATE CONSTRAINT " + check + "; (reads and writes "
                            + "continue)",
                    "ALTER TABLE " + t + " ALTER COLUMN " + col + " SET NOT NULL; (no scan: the check proves it)",
                    "ALTER TABLE " + t + " DROP CONSTRAINT " + check + ";");
        }
    }

    private static boolean hasCheck(TableState t, String column) {
        return t.hasValidatedNotNullCheck(column);
    }
}
