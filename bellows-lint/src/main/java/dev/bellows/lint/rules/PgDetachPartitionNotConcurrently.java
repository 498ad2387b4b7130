package dev.bellows.lint.rules;

import dev.bellows.lint.LocksTable;
import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.Flag;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.model.Severity;

/**
 * PostgreSQL 14+: ALTER TABLE … DETACH PARTITION without CONCURRENTLY holds ACCESS EXCLUSIVE on the
 * partitioned table. Below 14 (the {@code --pg-version} floor) there is no concurrent form, so
 * nothing is reported.
 */
public final class PgDetachPartitionNotConcurrently implements Rule, LocksTable {

    public static final RuleInfo INFO = new RuleInfo("pg-detach-partition-not-concurrently", Severity.ERROR,
            RuleInfo.POSTGRESQL, "DETACH PARTITION without CONCURRENTLY",
            "A plain DETACH PARTITION takes ACCESS EXCLUSIVE on the partitioned table: no reads or writes of any "
                    + "partition while it waits for running queries and while it runs. From PostgreSQL 14 on, "
                    + "DETACH PARTITION … CONCURRENTLY needs only SHARE UPDATE EXCLUSIVE.",
            "DETACH PARTITION … CONCURRENTLY (PostgreSQL 14+), alone, outside a transaction block; if it is "
                    + "interrupted, finish it with DETACH PARTITION … FINALIZE.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (!s.isAlterTable() || s.has(Flag.CONCURRENTLY) || ctx.isNewTable(s.table())
                || !ctx.options().pgVersion().atLeast(14, 0)) {
            return;
        }
        for (AlterAction a : s.actions(Op.DETACH_PARTITION)) {
            String t = s.table();
            ctx.report(this, a.at(), "detaching partition " + a.value() + " from " + t + " without CONCURRENTLY "
                            + "takes ACCESS EXCLUSIVE on " + t + ": no reads or writes of any partition of " + t
                            + " until it is done, and every query queues behind it while it waits",
                    "ALTER TABLE " + t + " DETACH PARTITION " + a.value() + " CONCURRENTLY; (alone, outside a "
                            + "transaction block; not possible while " + t + " has a DEFAULT partition)",
                    "If it is interrupted: ALTER TABLE " + t + " DETACH PARTITION " + a.value() + " FINALIZE;");
        }
    }
}
