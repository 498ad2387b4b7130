package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ColumnDef;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;

/** Expand must not add a NOT NULL column without a default to an existing table. */
public final class ExpandAddNotNullColumn implements Rule {

    public static final RuleInfo INFO = new RuleInfo("expand-add-not-null-column", Severity.ERROR, RuleInfo.BOTH,
            "NOT NULL column without a default added in expand",
            "Release N-1 does not know the new column, so its INSERTs leave it out; without a default they fail. "
                    + "On a table with rows the statement itself fails.",
            "Add the column nullable or with a default; make it NOT NULL in contract.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        for (AlterAction a : AddedColumns.notNullWithoutDefault(ctx, Phase.EXPAND)) {
            ColumnDef d = a.definition();
            String t = s.table();
            ctx.report(this, a.at(), "adding NOT NULL column " + t + "." + d.name() + " without a default "
                            + "breaks the inserts of release N-1, which leave " + d.name() + " out",
                    "Add it nullable: ALTER TABLE " + t + " ADD COLUMN " + d.name() + " " + d.type()
                            + " (or give it a DEFAULT).",
                    "Make release N write " + d.name() + "; backfill existing rows in migrate.",
                    "Set " + t + "." + d.name() + " NOT NULL in the contract phase of release N.");
        }
    }
}
