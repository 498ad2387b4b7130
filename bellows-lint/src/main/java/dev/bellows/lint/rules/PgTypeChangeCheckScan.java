package dev.bellows.lint.rules;

import dev.bellows.lint.LocksTable;
import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.ColumnChange;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.schema.ConstraintState;

import java.util.List;
import dev.bellows.model.Severity;

/** PostgreSQL: an in-place type change of a column with CHECK constraints scans the table under ACCESS EXCLUSIVE. */
public final class PgTypeChangeCheckScan implements Rule, LocksTable {

    public static final RuleInfo INFO = new RuleInfo("pg-type-change-check-scan", Severity.ERROR, RuleInfo.POSTGRESQL,
            "Type change that re-checks CHECK constraints with a full scan",
            "Even a type change that does not rewrite the table (varchar(20) to varchar(40), varchar to text) makes PostgreSQL re-check every CHECK constraint on the column: it reads the whole table while holding ACCESS EXCLUSIVE, so no reads or writes run until the scan ends.",
            "Drop the CHECK constraint, change the type, then add the constraint back NOT VALID and VALIDATE it in a later file.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        for (ColumnChange c : ctx.columnChanges()) {
            if (!c.is(Op.ALTER_COLUMN_TYPE) || !c.typeChanges() || !c.typeChangesInPlace(ctx)) {
                continue; // a rewrite is pg-rewriting-type-change's finding
            }
            List<ConstraintState> checks = ctx.schema().table(c.table()).map(t -> t.checksOn(c.column()))
                    .orElse(List.of());
            if (checks.isEmpty()) {
                continue;
            }
            String t = c.table();
            String names = String.join(", ", checks.stream().map(ConstraintState::name).toList());
            ctx.report(this, c.action().at(), "changing " + c.qualified() + " " + c.describe() + " does not rewrite "
                            + t + ", but re-checks " + names + " by reading all of " + t
                            + " under ACCESS EXCLUSIVE: no reads or writes until the scan ends",
                    "ALTER TABLE " + t + " DROP CONSTRAINT " + checks.get(0).name() + ", ALTER COLUMN " + c.column()
                            + " TYPE " + c.to() + "; (no scan)",
                    "ALTER TABLE " + t + " ADD CONSTRAINT " + checks.get(0).name() + " CHECK (…) NOT VALID;",
                    "In a later file: ALTER TABLE " + t + " VALIDATE CONSTRAINT " + checks.get(0).name()
                            + "; (reads and writes continue)");
        }
    }
}
