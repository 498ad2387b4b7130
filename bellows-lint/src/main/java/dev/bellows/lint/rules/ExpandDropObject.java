package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.ObjectType;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;

import java.util.Set;

/** Expand must not drop views, functions, procedures, sequences, types or schemas release N-1 may use. */
public final class ExpandDropObject implements Rule {

    public static final RuleInfo INFO = new RuleInfo("expand-drop-object", Severity.ERROR, RuleInfo.BOTH,
            "View, function, procedure, sequence, type or schema dropped in expand",
            "Release N-1 may query the view, call the function or procedure, take values from the sequence or "
                    + "use the type or schema; those calls fail the moment the object is gone.",
            "Stop using the object in release N, then drop it in contract.");

    private static final Set<ObjectType> TYPES = Set.of(ObjectType.VIEW, ObjectType.MATERIALIZED_VIEW,
            ObjectType.FUNCTION, ObjectType.PROCEDURE, ObjectType.SEQUENCE, ObjectType.TYPE, ObjectType.SCHEMA);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (ctx.phase() != Phase.EXPAND || s.verb() != Verb.DROP || !TYPES.contains(s.type())) {
            return;
        }
        for (String name : s.names()) {
            if (!ctx.isNew(s.type(), name)) {
                String what = s.type().label() + " " + name;
                ctx.report(this, s.at(), "dropping " + what + " in expand breaks release N-1, which may still use it",
                        "Remove every use of " + what + " from the application in release N.",
                        "Move DROP " + s.type().label().toUpperCase() + " " + name
                                + " to the contract phase of release N.");
            }
        }
    }
}
