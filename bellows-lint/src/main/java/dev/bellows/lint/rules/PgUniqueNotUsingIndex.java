package dev.bellows.lint.rules;

import dev.bellows.lint.LocksTable;
import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ConstraintDef;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.model.Severity;

import java.util.List;

/** PostgreSQL: a unique constraint or primary key added to an existing table builds its index under ACCESS EXCLUSIVE. */
public final class PgUniqueNotUsingIndex implements Rule, LocksTable {

    public static final RuleInfo INFO = new RuleInfo("pg-unique-not-using-index", Severity.ERROR, RuleInfo.POSTGRESQL,
            "Unique, primary key or exclusion constraint whose index is built under lock",
            "ADD UNIQUE / ADD PRIMARY KEY / ADD EXCLUDE builds the index while holding ACCESS EXCLUSIVE: no reads or "
                    + "writes of the table for the whole build. An exclusion constraint cannot be attached to an "
                    + "index built CONCURRENTLY.",
            "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … UNIQUE (or PRIMARY KEY) USING INDEX; "
                    + "for an exclusion constraint, enforce the rule without it or add it while the table is small.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (!s.isAlterTable() || ctx.isNewTable(s.table())) {
            return;
        }
        for (AlterAction a : s.actions(Op.ADD_CONSTRAINT)) {
            ConstraintDef k = a.constraint();
            if (k.kind() == ConstraintDef.Kind.EXCLUDE) {
                exclusion(ctx, a, s.table(), k);
                continue;
            }
            boolean unique = k.kind() == ConstraintDef.Kind.UNIQUE || k.kind() == ConstraintDef.Kind.PRIMARY_KEY;
            if (!unique || k.usingIndex()) {
                continue;
            }
            String t = s.table();
            String name = k.displayName(t);
            List<String> cols = k.columns();
            String index = name.endsWith("_idx") ? name : name + "_idx";
            String kind = k.kind() == ConstraintDef.Kind.PRIMARY_KEY ? "PRIMARY KEY" : "UNIQUE";
            ctx.report(this, a.at(), "adding " + k.kind().label() + " " + name + " to " + t + " builds its index "
                            + "under ACCESS EXCLUSIVE: no reads or writes of " + t + " until it is built",
                    (a.column() != null ? "Add column " + a.column() + " without " + kind + " first. " : "")
                            + "CREATE UNIQUE INDEX CONCURRENTLY " + index + " ON " + t + " (" + String.join(", ", cols)
                            + "); (alone, outside a transaction block)",
                    "ALTER TABLE " + t + " ADD CONSTRAINT " + name + " " + kind + " USING INDEX " + index + ";");
        }
    }

    /** EXCLUDE: PostgreSQL has no USING INDEX and no concurrent build for exclusion constraints. */
    private void exclusion(StatementContext ctx, AlterAction a, String t, ConstraintDef k) {
        String name = k.displayName(t);
        ctx.report(this, a.at(), "adding exclusion constraint " + name + " to " + t + " builds its index under "
                        + "ACCESS EXCLUSIVE: no reads or writes of " + t + " until it is built and every row is "
                        + "checked, and PostgreSQL has no CONCURRENTLY or USING INDEX way for exclusion constraints",
                "Measure the build on a copy of " + t + " (the time is the outage); on a small table, waive this "
                        + "finding with the measured time as the reason.",
                "On a big table, enforce the rule without " + name + " (a check in release N's writes, or a "
                        + "trigger taking a row lock), or create a new table with " + name
                        + ", copy the rows in batches and switch over.",
                "Run the ALTER with a lock_timeout so it gives up instead of queueing every query of " + t
                        + " behind it.");
    }
}
