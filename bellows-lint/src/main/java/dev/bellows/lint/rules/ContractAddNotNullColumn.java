package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ColumnDef;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;

/** Contract must not add a NOT NULL column without a default to an existing table. */
public final class ContractAddNotNullColumn implements Rule {

    public static final RuleInfo INFO = new RuleInfo("contract-add-not-null-column", Severity.ERROR, RuleInfo.BOTH,
            "NOT NULL column without a default added in contract",
            "In contract, release N is running everywhere and does not know the new column: on PostgreSQL the statement fails on a table with rows; on MySQL it fills the column with an implicit zero or empty value and every INSERT of release N that leaves the column out then fails (strict mode).",
            "Add the column in the expand phase of the release that writes it, nullable or with a default; make it NOT NULL in that release's contract.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        for (AlterAction a : AddedColumns.notNullWithoutDefault(ctx, Phase.CONTRACT)) {
            ColumnDef d = a.definition();
            String t = s.table();
            ctx.report(this, a.at(), "adding NOT NULL column " + t + "." + d.name() + " without a default in "
                            + "contract fails on a table with rows (PostgreSQL) or breaks every INSERT of the "
                            + "running release that leaves " + d.name() + " out (MySQL)",
                    "Move ADD COLUMN " + d.name() + " to the expand phase of the release that writes it, nullable "
                            + "or with a DEFAULT.",
                    "Backfill existing rows of " + t + " in that release's migrate.",
                    "Make " + t + "." + d.name() + " NOT NULL in that release's contract.");
        }
    }
}
