package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ColumnDef;
import dev.bellows.lint.parse.ConstraintDef;
import dev.bellows.lint.parse.Flag;
import dev.bellows.lint.parse.ObjectType;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;
import dev.bellows.sql.Token;

import java.util.List;

/** A new unique, check or foreign-key constraint on an existing table may reject writes of release N-1. */
public final class ExpandAddConstraint implements Rule {

    public static final RuleInfo INFO = new RuleInfo("expand-add-constraint", Severity.WARNING, RuleInfo.BOTH,
            "New constraint on an existing table in expand",
            "Release N-1 does not know the new rule and may write rows that violate it; those writes fail. "
                    + "Existing rows that violate it make the migration itself fail.",
            "Make release N stop writing violating rows, fix the existing rows in migrate, add the constraint in "
                    + "contract (PostgreSQL: NOT VALID, then VALIDATE). NOT VALID alone does not help in expand: it "
                    + "skips the existing rows, but release N-1's new writes are checked.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        boolean candidate = s.is(Verb.CREATE, ObjectType.INDEX) || s.isAlterTable() && s.hasAction(Op.ADD_CONSTRAINT);
        if (ctx.phase() != Phase.EXPAND || !candidate || ctx.isNewTable(s.table())) {
            return;
        }
        if (s.is(Verb.CREATE, ObjectType.INDEX) && s.has(Flag.UNIQUE)) {
            List<String> cols = s.columns().stream().map(ColumnDef::name).toList();
            unique(ctx, s.at(), "unique index " + (s.name() == null ? "" : s.name() + " "), s.table(), cols);
        }
        if (!s.isAlterTable()) {
            return;
        }
        for (AlterAction a : s.actions(Op.ADD_CONSTRAINT)) {
            ConstraintDef k = a.constraint();
            if (a.column() != null && addedHere(s, a.column())) {
                continue;
            }
            String what = k.kind().label() + " " + k.displayName(s.table()) + " ";
            switch (k.kind()) {
                case UNIQUE, PRIMARY_KEY -> unique(ctx, a.at(), what, s.table(), k.columns());
                case EXCLUDE -> exclusion(ctx, a.at(), what, s.table(), k.displayName(s.table()));
                case CHECK, FOREIGN_KEY -> validated(ctx, a.at(), what, s.table(), k.displayName(s.table()),
                        k.notValid());
                default -> {
                    // NOT NULL: expand-set-not-null
                }
            }
        }
    }

    /** A constraint on a column this same statement adds: the column is empty, old code never writes it. */
    private static boolean addedHere(ParsedStatement s, String column) {
        for (AlterAction a : s.actions(Op.ADD_COLUMN)) {
            if (a.column().equals(column)) {
                return true;
            }
        }
        return false;
    }

    private void unique(StatementContext ctx, Token at, String what, String table, List<String> columns) {
        String cols = columns.isEmpty() ? "the key" : "(" + String.join(", ", columns) + ")";
        ctx.report(this, at, message(what, table),
                "Make release N the first release that never writes duplicate " + cols + " into " + table + ".",
                "In migrate, remove or merge the existing duplicates of " + table + " in batches.",
                "Add the rule in the contract phase of release N, once release N-1 is gone"
                        + (ctx.options().dialect().addsConstraintsNotValid()
                        ? ": CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … USING INDEX." : "."));
    }

    private void exclusion(StatementContext ctx, Token at, String what, String table, String name) {
        ctx.report(this, at, message(what, table),
                "Make release N the first release that never writes rows of " + table + " that conflict under "
                        + name + ".",
                "In migrate, fix the existing conflicting rows of " + table + ", in batches.",
                "Add " + name + " in the contract phase of release N, once release N-1 is gone (its index is "
                        + "built under ACCESS EXCLUSIVE: see pg-unique-not-using-index).");
    }

    private void validated(StatementContext ctx, Token at, String what, String table, String name,
                           boolean notValid) {
        String message = notValid
                ? "new " + what + "… NOT VALID on existing table " + table + ": NOT VALID only skips the rows already "
                + "there; release N-1 does not know the rule and its new writes of " + table + " that violate it "
                + "will fail"
                : message(what, table);
        if (ctx.options().dialect().addsConstraintsNotValid()) {
            ctx.report(this, at, message,
                    "Make release N the first release that never writes rows of " + table + " violating " + name
                            + " (no constraint in expand).",
                    "In migrate, fix the existing rows of " + table + " that violate " + name + ", in batches.",
                    "In the contract phase of release N, once release N-1 is gone: ALTER TABLE " + table
                            + " ADD CONSTRAINT " + name + " … NOT VALID; (brief lock, no scan)",
                    "Then, in a later migration file (its own transaction): ALTER TABLE " + table + " VALIDATE CONSTRAINT " + name
                            + "; (checks the rows without blocking writes)");
        } else {
            ctx.report(this, at, message,
                    "Make release N the first release that never writes rows of " + table + " violating " + name + ".",
                    "In migrate, fix the existing rows that violate it, in batches.",
                    "Add " + name + " in the contract phase of release N, once release N-1 is gone.");
        }
    }

    private static String message(String what, String table) {
        return "new " + what + "on existing table " + table + ": release N-1 does not know it and may write rows of "
                + table + " that violate it, and those writes will fail";
    }
}
