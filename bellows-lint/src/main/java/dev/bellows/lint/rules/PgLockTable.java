package dev.bellows.lint.rules;

import dev.bellows.lint.LocksTable;
import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.model.Severity;

/** PostgreSQL LOCK TABLE in a migration blocks the application for as long as the transaction lasts. */
public final class PgLockTable implements Rule, LocksTable {

    public static final RuleInfo INFO = new RuleInfo("pg-lock-table", Severity.ERROR, RuleInfo.POSTGRESQL,
            "Explicit LOCK TABLE",
            "LOCK TABLE takes ACCESS EXCLUSIVE by default and holds it until the transaction ends: every query on "
                    + "the table waits for the rest of the migration.",
            "Drop the explicit lock; let each statement take the lock it needs, briefly, under lock_timeout.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (s.verb() == Verb.LOCK && !ctx.isNewTable(s.table())) {
            ctx.report(this, s.at(), "LOCK TABLE " + s.table() + " blocks queries on " + s.table()
                            + " until the migration's transaction ends",
                    "Remove the LOCK TABLE " + s.table() + ".",
                    "If statements must see a stable table, make them idempotent and batched instead, or run the "
                            + "work in migrate with row-level locks (SELECT … FOR UPDATE on one batch).");
        }
    }
}
