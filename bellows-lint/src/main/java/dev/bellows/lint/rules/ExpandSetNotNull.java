package dev.bellows.lint.rules;

import dev.bellows.lint.ColumnChange;
import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ConstraintDef;
import dev.bellows.lint.parse.Op;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;

/** Expand must not make an existing column NOT NULL: release N-1 may still insert NULL. */
public final class ExpandSetNotNull implements Rule {

    public static final RuleInfo INFO = new RuleInfo("expand-set-not-null", Severity.ERROR, RuleInfo.BOTH,
            "Existing column made NOT NULL in expand",
            "Release N-1 may insert rows without the column or with NULL in it; once the column is NOT NULL "
                    + "those inserts fail (and the statement itself fails if NULLs exist).",
            "Make release N always write a value, backfill NULLs in migrate, set NOT NULL in contract.");

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
            boolean defaulted = c.newColumn() && ctx.column(c.table(), c.column())
                    .map(col -> col.defaultValue() != null).orElse(false);
            if (c.notNull() && !defaulted) {
                report(ctx, c.action(), c.table(), c.column());
            }
        }
        if (ctx.statement().isAlterTable()) {
            for (AlterAction a : ctx.statement().actions(Op.ADD_CONSTRAINT)) {
                ConstraintDef k = a.constraint();
                if (k.kind() == ConstraintDef.Kind.NOT_NULL && !k.notValid() && !k.columns().isEmpty()
                        && !ctx.isNewColumn(ctx.statement().table(), k.columns().get(0))) {
                    report(ctx, a, ctx.statement().table(), k.columns().get(0));
                }
            }
        }
    }

    private void report(StatementContext ctx, AlterAction a, String table, String column) {
        ctx.report(this, a.at(), "making " + table + "." + column + " NOT NULL in expand breaks inserts of "
                        + "release N-1 that leave " + column + " empty",
                "Make release N write " + table + "." + column + " in every INSERT and UPDATE.",
                "In migrate, fill the NULLs of " + table + "." + column + " in batches.",
                "In the contract phase of release N, add CHECK (" + column + " IS NOT NULL) NOT VALID, validate "
                        + "it, then SET NOT NULL.");
    }
}
