package dev.bellows.lint.rules;

import dev.bellows.lint.LocksTable;
import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ConstraintDef;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.model.Severity;

/** PostgreSQL: a foreign key or check constraint added without NOT VALID scans the table under a lock. */
public final class PgConstraintNotValid implements Rule, LocksTable {

    public static final RuleInfo INFO = new RuleInfo("pg-constraint-not-valid", Severity.ERROR, RuleInfo.POSTGRESQL,
            "Foreign key or check constraint added without NOT VALID",
            "Adding a CHECK scans the whole table under ACCESS EXCLUSIVE (no reads or writes); adding a FOREIGN KEY "
                    + "scans it under SHARE ROW EXCLUSIVE on both tables (no writes to either).",
            "ADD CONSTRAINT … NOT VALID (brief lock, no scan), then VALIDATE CONSTRAINT in a later file or phase, "
                    + "its own transaction (SHARE UPDATE EXCLUSIVE: reads and writes continue).");

    /** A constraint written on a column the same ADD COLUMN adds: every existing row holds NULL there. */
    private static boolean addedColumn(ParsedStatement s, String column) {
        return s.actions(Op.ADD_COLUMN).stream().anyMatch(c -> column.equals(c.column())
                && !c.definition().hasDefault());
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (!s.isAlterTable() || ctx.isNewTable(s.table())) {
            return;
        }
        for (AlterAction a : s.actions(Op.ADD_CONSTRAINT)) {
            ConstraintDef k = a.constraint();
            boolean scans = k.kind() == ConstraintDef.Kind.FOREIGN_KEY || k.kind() == ConstraintDef.Kind.CHECK;
            if (!scans || k.notValid() || k.kind() == ConstraintDef.Kind.FOREIGN_KEY && a.column() != null && addedColumn(s, a.column())) {
                continue;
            }
            String t = s.table();
            String name = k.displayName(t);
            String blocked = k.kind() == ConstraintDef.Kind.CHECK ? "all reads and writes of " + t
                    : "writes to " + t + " and " + k.referencedTable();
            ctx.report(this, a.at(), "adding " + k.kind().label() + " " + name + " to " + t + " validates every row "
                            + "while blocking " + blocked,
                    "ALTER TABLE " + t + " ADD CONSTRAINT " + name + " … NOT VALID;"
                            + (a.column() != null ? " (add the column first, then the constraint)" : ""),
                    "In a separate statement (later file or phase): ALTER TABLE " + t + " VALIDATE CONSTRAINT "
                            + name + ";");
        }
    }
}
