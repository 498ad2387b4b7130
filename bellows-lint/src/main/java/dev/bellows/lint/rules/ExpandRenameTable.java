package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ObjectType;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;

/** Expand must not rename a table: release N-1 still uses the old name. */
public final class ExpandRenameTable implements Rule {

    public static final RuleInfo INFO = new RuleInfo("expand-rename-table", Severity.ERROR, RuleInfo.BOTH,
            "Table renamed in expand",
            "Release N-1 still queries the table by its old name; every one of its queries on it fails after the "
                    + "rename.",
            "Create the new table (or a view with the new name), write to both, backfill, switch reads, and drop "
                    + "the old name in contract.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (ctx.phase() != Phase.EXPAND) {
            return;
        }
        if (s.isAlterTable()) {
            s.actions(Op.RENAME_TO).forEach(a -> report(ctx, s.table(), a));
        } else if (s.is(Verb.RENAME, ObjectType.TABLE)) {
            s.actions(Op.RENAME_TO).forEach(a -> report(ctx, a.column(), a));
        }
    }

    private void report(StatementContext ctx, String table, AlterAction a) {
        if (ctx.isNewTable(table) || ctx.recreatedLaterInFile(ObjectType.TABLE, table)) {
            return; // a view (or table) under the old name keeps release N-1 working: the documented recipe
        }
        String to = a.newName();
        ctx.report(this, a.at(), "renaming table " + table + " to " + to + " in expand breaks release N-1, whose "
                        + "queries still name " + table,
                "In expand, create table " + to + " (or, on PostgreSQL, keep " + table + " and add a view " + to
                        + " over it).",
                "Make release N write to both " + table + " and " + to + ", and backfill " + to + " in migrate.",
                "Switch reads to " + to + " in release N.",
                "Drop " + table + " in the contract phase of release N.");
    }
}
