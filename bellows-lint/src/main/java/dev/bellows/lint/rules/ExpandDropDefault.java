package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ColumnDef;
import dev.bellows.lint.schema.ColumnState;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;

/**
 * Expand must not drop a column default: release N-1's inserts rely on it. Also MySQL MODIFY /
 * CHANGE, which redefines the column as a whole: leaving DEFAULT out drops the default the
 * replayed history gave the column.
 */
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
            // a column this release added to an existing table still breaks release N-1's inserts when NOT NULL
            boolean newNotNull = !ctx.isNewTable(s.table()) && ctx.column(s.table(), a.column())
                    .map(ColumnState::notNull).orElse(false);
            if (!ctx.isNewColumn(s.table(), a.column()) || newNotNull) {
                ctx.report(this, a.at(), "dropping the default of " + s.table() + "." + a.column() + " in expand "
                                + "breaks inserts of release N-1 that leave " + a.column() + " out",
                        "Make release N write " + s.table() + "." + a.column() + " in every INSERT.",
                        "Move ALTER TABLE " + s.table() + " ALTER COLUMN " + a.column()
                                + " DROP DEFAULT to the contract phase of release N.");
            }
        }
        for (AlterAction a : s.actions(Op.REDEFINE_COLUMN)) {
            if (ctx.isNewColumn(s.table(), a.column())) {
                continue;
            }
            ColumnState old = ctx.column(s.table(), a.column()).orElse(null);
            ColumnDef d = a.definition();
            if (old == null || !hasDefault(old.defaultValue()) || hasDefault(d.defaultValue())) {
                continue;
            }
            String t = s.table();
            String verb = a.newName() == null && a.at().is("MODIFY") ? "MODIFY COLUMN " + a.column()
                    : "CHANGE " + a.column() + " " + d.name();
            ctx.report(this, a.at(), "ALTER TABLE " + t + " " + (a.at().is("MODIFY") ? "MODIFY" : "CHANGE")
                            + " redefines " + t + "." + a.column() + " without a DEFAULT, which drops its default "
                            + old.defaultValue() + " in expand: inserts of release N-1 that leave " + a.column()
                            + " out then fail" + (d.notNull() ? " (the column is NOT NULL)" : " or store NULL"),
                    "Keep the default in the redefinition: ALTER TABLE " + t + " " + verb + " " + d.type()
                            + (d.notNull() ? " NOT NULL" : "") + " DEFAULT " + old.defaultValue() + ";",
                    "If the default must go, make release N write " + t + "." + d.name() + " in every INSERT and "
                            + "drop the default in the contract phase of release N: ALTER TABLE " + t
                            + " ALTER COLUMN " + d.name() + " DROP DEFAULT.");
        }
    }

    private static boolean hasDefault(String value) {
        return value != null && !value.equalsIgnoreCase("null");
    }
}
