package dev.bellows.lint.rules;

import dev.bellows.lint.LocksTable;
import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.Flag;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.model.Severity;
import dev.bellows.sql.Token;

/** PostgreSQL VACUUM FULL, CLUSTER, SET TABLESPACE and SET LOGGED/UNLOGGED rewrite the table under ACCESS EXCLUSIVE. */
public final class PgTableRewrite implements Rule, LocksTable {

    public static final RuleInfo INFO = new RuleInfo("pg-table-rewrite", Severity.ERROR, RuleInfo.POSTGRESQL,
            "VACUUM FULL, CLUSTER or SET TABLESPACE rewrites the table",
            "These copy the whole table (and its indexes) while holding ACCESS EXCLUSIVE: no reads or writes "
                    + "until the copy ends, and it needs twice the disk.",
            "Do not run them in migrations; use pg_repack (or REPACK CONCURRENTLY where available) in a "
                    + "maintenance window.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        boolean rewrite = s.verb() == Verb.VACUUM && s.has(Flag.FULL) || s.verb() == Verb.CLUSTER
                || s.isAlterTable() && (s.hasAction(Op.SET_TABLESPACE) || s.hasAction(Op.REBUILD));
        if (!rewrite || s.table() != null && ctx.isNewTable(s.table())) {
            return;
        }
        String target = s.table() == null ? "every table" : s.table();
        if (!s.isAlterTable()) {
            report(ctx, s.at(), s.verb() == Verb.CLUSTER ? "CLUSTER" : "VACUUM FULL", target);
            return;
        }
        for (AlterAction a : s.actions()) {
            if (a.op() == Op.SET_TABLESPACE || a.op() == Op.REBUILD) {
                report(ctx, a.at(), a.op() == Op.SET_TABLESPACE ? "SET TABLESPACE" : "this ALTER TABLE", target);
            }
        }
    }

    private void report(StatementContext ctx, Token at, String what, String target) {
        ctx.report(this, at, what + " rewrites " + target + " under ACCESS EXCLUSIVE: no reads or writes until the "
                        + "copy ends",
                "Remove it from the migration.",
                "Reclaim space or reorder " + target + " online with pg_repack (or REPACK CONCURRENTLY on versions "
                        + "that have it), outside the deploy.");
    }
}
