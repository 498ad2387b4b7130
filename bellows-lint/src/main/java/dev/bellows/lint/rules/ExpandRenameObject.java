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

import java.util.Set;

/** Expand must not rename a view, function, procedure or enum value (PostgreSQL). */
public final class ExpandRenameObject implements Rule {

    public static final RuleInfo INFO = new RuleInfo("expand-rename-object", Severity.ERROR, RuleInfo.POSTGRESQL,
            "View, function or enum value renamed in expand",
            "Release N-1 still queries the view, calls the function or writes the enum value by its old name; "
                    + "those statements fail after the rename.",
            "Create the object under its new name next to the old one, switch release N to it, and drop the old "
                    + "one in contract.");

    private static final Set<ObjectType> TYPES = Set.of(ObjectType.VIEW, ObjectType.MATERIALIZED_VIEW,
            ObjectType.FUNCTION, ObjectType.PROCEDURE, ObjectType.TYPE, ObjectType.SEQUENCE, ObjectType.SCHEMA);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (ctx.phase() != Phase.EXPAND || s.verb() != Verb.ALTER || !TYPES.contains(s.type())
                || ctx.isNew(s.type(), s.name())) {
            return;
        }
        for (AlterAction a : s.actions()) {
            if (a.op() == Op.RENAME_TO && !ctx.recreatedLaterInFile(s.type(), s.name())) {
                String what = s.type().label() + " " + s.name();
                ctx.report(this, a.at(), "renaming " + what + " to " + a.newName() + " in expand breaks release "
                                + "N-1, which still uses the name " + s.name(),
                        "In expand, create " + s.type().label() + " " + a.newName() + " next to " + s.name() + ".",
                        "Switch release N to " + a.newName() + ".",
                        "Drop " + what + " in the contract phase of release N.");
            } else if (a.op() == Op.RENAME_VALUE) {
                ctx.report(this, a.at(), "renaming value '" + a.column() + "' of type " + s.name() + " to '"
                                + a.newName() + "' in expand breaks release N-1, which still writes '" + a.column()
                                + "'",
                        "In expand, ALTER TYPE " + s.name() + " ADD VALUE '" + a.newName() + "'.",
                        "Make release N write '" + a.newName() + "' and accept both values when reading.",
                        "In migrate, update rows from '" + a.column() + "' to '" + a.newName() + "' in batches.",
                        "Leave '" + a.column() + "' unused (PostgreSQL cannot drop an enum value) or recreate the "
                                + "type in a later contract.");
            }
        }
    }
}
