package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ObjectType;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.lint.schema.Origin;
import dev.bellows.model.Phase;

import java.util.Set;
import dev.bellows.model.Severity;

/** Contract must not rename what the running release uses. */
public final class ContractRename implements Rule {

    public static final RuleInfo INFO = new RuleInfo("contract-rename", Severity.ERROR, RuleInfo.BOTH,
            "Table, column or object renamed in contract",
            "Contract runs while release N serves all traffic, and release N was written and rolled out against the only name that existed then: after the rename its queries fail. A rename is never safe in a single phase.",
            "Add the new name in expand (a new column kept in sync, or a view), switch the code over one release, drop the old name in a later contract.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    private static final Set<ObjectType> OBJECTS = Set.of(ObjectType.VIEW, ObjectType.MATERIALIZED_VIEW,
            ObjectType.FUNCTION, ObjectType.PROCEDURE, ObjectType.TYPE, ObjectType.SEQUENCE, ObjectType.SCHEMA);

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (ctx.phase() != Phase.CONTRACT) {
            return;
        }
        if (s.isAlterTable()) {
            for (AlterAction a : s.actions()) {
                if (a.op() == Op.RENAME_TO) {
                    table(ctx, a, s.table(), a.newName());
                } else if (a.op() == Op.RENAME_COLUMN && !createdHere(ctx, s.table())) {
                    column(ctx, a, s.table(), a.column(), a.newName());
                } else if (a.op() == Op.REDEFINE_COLUMN && a.definition() != null && a.column() != null
                        && !a.column().equals(a.definition().name()) && !createdHere(ctx, s.table())) {
                    column(ctx, a, s.table(), a.column(), a.definition().name());
                }
            }
        } else if (s.is(Verb.RENAME, ObjectType.TABLE)) {
            s.actions(Op.RENAME_TO).forEach(a -> table(ctx, a, a.column(), a.newName()));
        } else if (s.verb() == Verb.ALTER && OBJECTS.contains(s.type())) {
            for (AlterAction a : s.actions(Op.RENAME_TO)) {
                if (!createdHere(ctx, s.type(), s.name()) && !ctx.recreatedLaterInFile(s.type(), s.name())) {
                    String what = s.type().label() + " " + s.name();
                    ctx.report(this, a.at(), "renaming " + what + " to " + a.newName() + " in contract breaks the "
                                    + "running release, which uses the name " + s.name(),
                            "In expand of release N+1, create " + a.newName() + " next to " + s.name() + ".",
                            "Switch release N+1 to " + a.newName() + ".",
                            "Drop " + what + " in the contract phase of release N+1.");
                }
            }
        }
    }

    private void table(StatementContext ctx, AlterAction a, String table, String to) {
        if (createdHere(ctx, table) || ctx.recreatedLaterInFile(ObjectType.TABLE, table)) {
            return;
        }
        ctx.report(this, a.at(), "renaming table " + table + " to " + to + " in contract breaks the running release, "
                        + "whose queries name " + table,
                "In expand of release N+1, rename " + table + " to " + to + " and create a view " + table
                        + " over it (PostgreSQL), or create " + to + " and write to both.",
                "Switch release N+1 to " + to + ".",
                "Drop the view (or the old table) " + table + " in the contract phase of release N+1.");
    }

    private void column(StatementContext ctx, AlterAction a, String table, String from, String to) {
        ctx.report(this, a.at(), "renaming " + table + "." + from + " to " + to + " in contract breaks the running "
                        + "release, which reads and writes " + from,
                "In expand of release N+1, add column " + table + "." + to + " and keep it in sync with " + from
                        + " (release N+1 writes both, or a trigger).",
                "Backfill " + to + " in migrate; switch reads to " + to + ".",
                "Drop " + table + "." + from + " in the contract phase of release N+1.");
    }

    /** Whether this contract phase itself created the object: nobody else can use it yet. */
    private static boolean createdHere(StatementContext ctx, ObjectType type, String name) {
        return ctx.schema().origin(type, name).map(o -> here(ctx, o)).orElse(false);
    }

    private static boolean createdHere(StatementContext ctx, String table) {
        return ctx.schema().table(table).map(t -> t.origin() != null && here(ctx, t.origin())).orElse(false);
    }

    private static boolean here(StatementContext ctx, Origin o) {
        return o.release().equals(ctx.release()) && o.phase() == ctx.phase();
    }
}
