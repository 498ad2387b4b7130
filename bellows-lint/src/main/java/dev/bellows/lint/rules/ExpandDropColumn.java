package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;

/** Expand must not drop a column: release N-1 still selects and inserts it. */
public final class ExpandDropColumn implements Rule {

    public static final RuleInfo INFO = new RuleInfo("expand-drop-column", Severity.ERROR, RuleInfo.BOTH,
            "Column dropped in expand",
            "Release N-1 still names the column in its SELECT, INSERT and UPDATE statements (and ORMs often select "
                    + "every mapped column): those queries fail as soon as it is dropped.",
            "Stop using the column in release N (ignore it in the ORM), then drop it in contract.");

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
        for (AlterAction a : s.actions(Op.DROP_COLUMN)) {
            if (!ctx.isNewColumn(s.table(), a.column())) {
                ctx.report(this, a.at(), "dropping column " + s.table() + "." + a.column() + " in expand breaks "
                                + "release N-1: its queries that name " + a.column() + " fail",
                        "Stop reading and writing " + s.table() + "." + a.column() + " in release N (mark it "
                                + "ignored in the ORM).",
                        "If release N-1 inserts rows without it and it is NOT NULL, give it a default or DROP NOT "
                                + "NULL in expand.",
                        "Move ALTER TABLE " + s.table() + " DROP COLUMN " + a.column() + " to the contract phase "
                                + "of release N.");
            }
        }
    }
}
