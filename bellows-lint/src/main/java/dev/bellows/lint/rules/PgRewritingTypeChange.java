package dev.bellows.lint.rules;

import dev.bellows.lint.ColumnChange;
import dev.bellows.lint.LocksTable;
import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.Op;
import dev.bellows.model.Severity;

/** PostgreSQL: a column type change that is not binary-coercible rewrites the table under ACCESS EXCLUSIVE. */
public final class PgRewritingTypeChange implements Rule, LocksTable {

    public static final RuleInfo INFO = new RuleInfo("pg-rewriting-type-change", Severity.ERROR, RuleInfo.POSTGRESQL,
            "Column type change that rewrites the table",
            "Most type changes (int→bigint, text→varchar(n), narrowing, numeric scale changes) rewrite the table "
                    + "and rebuild its indexes under ACCESS EXCLUSIVE: no reads or writes for the whole rewrite. "
                    + "varchar widening, varchar→text and numeric precision increases do not.",
            "Add a new column of the new type, sync it by trigger, backfill in batches, swap in contract.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        for (ColumnChange c : ctx.columnChanges()) {
            if (c.is(Op.ALTER_COLUMN_TYPE) && !c.typeChangesInPlace(ctx)) {
                String t = c.table();
                String col = c.column();
                ctx.report(this, c.action().at(), "changing " + c.qualified() + " " + c.describe() + " rewrites "
                                + t + " and its indexes under ACCESS EXCLUSIVE: no reads or writes until it ends"
                                + (c.from() == null ? " (Bellows does not know the current type, so it assumes a "
                                + "rewrite)" : ""),
                        "Add column " + col + "_new " + c.to() + " to " + t + ".",
                        "Add a trigger that copies " + col + " into " + col + "_new on INSERT and UPDATE.",
                        "Backfill " + col + "_new in batches in migrate.",
                        "In contract, swap: drop " + col + " and rename " + col + "_new to " + col + ".");
            }
        }
    }
}
