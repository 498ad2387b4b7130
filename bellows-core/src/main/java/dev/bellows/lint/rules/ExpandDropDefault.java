package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;

/** Expand must not drop a column default: release N-1's inserts rely on it. */
public final class ExpandDropDefault implements Rule {

    public static final RuleInfo INFO = new RuleInfo("expand-drop-default", Severity.ERROR, RuleInfo.BOTH,
            "Column default dropped in expand",
            "Release N-1 inserts rows without the column and relies on the default: without it those rows get "
                    + "NULL, or the insert fails when the column is NOT NULL.",
            "Make release N always write the column, then drop the default in contract.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (ctx.phase() != Phase.EXPAND || !s.isAlterTable()) {
            return;
        }
        for (AlterAction a : s.actions(Op.DROP_DEFAULT)) {
            if (!ctx.isNewColumn(s.table(), a.column())) {
                ctx.report(this, a.at(), "dropping the default of " + s.table() + "." + a.column() + " in expand "
                                + "breaks inserts of release N-1 that leave " + a.column() + " out",
                        "Make release N write " + s.table() + "." + a.column() + " in every INSERT.",
                        "Move ALTER TABLE " + s.table() + " ALTER COLUMN " + a.column()
                                + " DROP DEFAULT to the contract phase of release N.");
            }
        }
    }
}
