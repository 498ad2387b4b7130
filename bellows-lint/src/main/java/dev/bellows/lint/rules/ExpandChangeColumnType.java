package dev.bellows.lint.rules;

import dev.bellows.lint.ColumnChange;
import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;

/**
 * Expand must not change a column's type, except widenings the database does in place and old
 * code cannot notice (varchar widening and varchar→text on PostgreSQL; INSTANT/in-place changes on MySQL).
 */
public final class ExpandChangeColumnType implements Rule {

    public static final RuleInfo INFO = new RuleInfo("expand-change-column-type", Severity.ERROR, RuleInfo.BOTH,
            "Column type changed in expand",
            "Release N-1 reads and writes the column with its old type: values it writes may no longer fit, values "
                    + "it reads may not map, and most type changes rewrite or copy the whole table under a lock.",
            "Add a column of the new type, write both, backfill, switch reads, drop the old column in contract.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        if (ctx.phase() != Phase.EXPAND) {
            return;
        }
        for (ColumnChange c : ctx.columnChanges()) {
            if (!c.newColumn() && c.typeChanges() && !c.typeChangesInPlace(ctx) && !ctx.options().dialect().keepsData(c.from(), c.to())) {
                String col = c.column();
                String tmp = col + "_new";
                ctx.report(this, c.action().at(), "changing the type of " + c.qualified() + " " + c.describe()
                                + " in expand can break release N-1, which still reads and writes the old type"
                                + (c.from() == null ? " (Bellows does not know the column's current type)" : ""),
                        "In expand, add column " + c.table() + "." + tmp + " of type " + c.to() + ".",
                        "Make release N write both " + col + " and " + tmp + " (or add a trigger that copies "
                                + col + " into " + tmp + ").",
                        "In migrate, backfill " + tmp + " from " + col + " in batches.",
                        "Switch release N to read " + tmp + ".",
                        "In contract, drop " + col + " and rename " + tmp + " to " + col + " (or keep the new name).");
            }
        }
    }
}
