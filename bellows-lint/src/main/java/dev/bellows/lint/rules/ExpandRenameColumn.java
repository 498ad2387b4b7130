package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;

/** Expand must not rename a column (PostgreSQL RENAME COLUMN, MySQL RENAME COLUMN or CHANGE old new). */
public final class ExpandRenameColumn implements Rule {

    public static final RuleInfo INFO = new RuleInfo("expand-rename-column", Severity.ERROR, RuleInfo.BOTH,
            "Column renamed in expand",
            "Release N-1 still names the column by its old name in SELECT, INSERT and UPDATE; those queries fail "
                    + "after the rename.",
            "Add the new column, write to both, backfill, switch reads, drop the old column in contract.");

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
        for (AlterAction a : s.actions()) {
            boolean rename = a.op() == Op.RENAME_COLUMN || a.op() == Op.REDEFINE_COLUMN && a.newName() != null;
            if (rename && !ctx.isNewColumn(s.table(), a.column())) {
                String t = s.table();
                ctx.report(this, a.at(), "renaming " + t + "." + a.column() + " to " + a.newName() + " in expand "
                                + "breaks release N-1, whose queries still name " + a.column(),
                        "In expand, add column " + t + "." + a.newName() + " (nullable, same type).",
                        "Make release N write both " + a.column() + " and " + a.newName()
                                + " (or add a trigger that copies one to the other).",
                        "In migrate, backfill " + a.newName() + " from " + a.column() + " in batches.",
                        "Make release N read " + a.newName() + ".",
                        "Drop " + t + "." + a.column() + " in the contract phase of release N.");
            }
        }
    }
}
