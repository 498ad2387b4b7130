package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ConstraintDef;
import dev.bellows.lint.parse.Flag;
import dev.bellows.lint.parse.ObjectType;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;
import dev.bellows.sql.Token;

/** A new unique, check or foreign-key constraint on an existing table may reject writes of release N-1. */
public final class ExpandAddConstraint implements Rule {

    public static final RuleInfo INFO = new RuleInfo("expand-add-constraint", Severity.WARNING, RuleInfo.BOTH,
            "New constraint on an existing table in expand",
            "Release N-1 does not know the new rule and may write rows that violate it; those writes fail. "
                    + "Existing rows that violate it make the migration itself fail.",
            "Add it NOT VALID (PostgreSQL), fix the data in migrate, validate it in contract.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (ctx.phase() != Phase.EXPAND || ctx.isNewTable(s.table())) {
            return;
        }
        if (s.is(Verb.CREATE, ObjectType.INDEX) && s.has(Flag.UNIQUE)) {
            report(ctx, s.at(), "unique index " + (s.name() == null ? "" : s.name() + " "), s.table());
        }
        if (!s.isAlterTable()) {
            return;
        }
        for (AlterAction a : s.actions(Op.ADD_CONSTRAINT)) {
            ConstraintDef k = a.constraint();
            boolean onNewColumn = a.column() != null && addedHere(s, a.column());
            boolean relevant = k.kind() == ConstraintDef.Kind.UNIQUE || k.kind() == ConstraintDef.Kind.PRIMARY_KEY
                    || k.kind() == ConstraintDef.Kind.EXCLUDE
                    || (k.kind() == ConstraintDef.Kind.CHECK || k.kind() == ConstraintDef.Kind.FOREIGN_KEY)
                    && !k.notValid();
            if (relevant && !onNewColumn) {
                report(ctx, a.at(), k.kind().label() + " " + k.displayName(s.table()) + " ", s.table());
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

    private void report(StatementContext ctx, Token at, String what, String table) {
        ctx.report(this, at, "new " + what + "on existing table " + table + ": release N-1 does not know it and may "
                        + "write rows of " + table + " that violate it, and those writes will fail",
                "In expand, add it NOT VALID where the database allows (CHECK, FOREIGN KEY on PostgreSQL); for a "
                        + "unique rule, make release N the first that never writes duplicates.",
                "In migrate, fix the existing rows of " + table + " that violate it, in batches.",
                "In contract (once release N-1 is gone), VALIDATE CONSTRAINT, or build the unique index "
                        + "CONCURRENTLY and attach it USING INDEX.");
    }
}
