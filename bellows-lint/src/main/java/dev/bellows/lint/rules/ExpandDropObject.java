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

    /**
     * A view dropped and created again in the same file is a replacement: an error only when columns of
     * the old view (that release N-1 may read) are missing from the new one.
     */
    private void replaced(StatementContext ctx, ParsedStatement s, String name, String what) {
        java.util.Optional<java.util.List<String>> before = ctx.schema().viewColumns(name);
        java.util.Optional<java.util.List<String>> after = ctx.surroundings().laterInFile().stream()
                .filter(p -> p.verb() == Verb.CREATE && name.equals(p.name()))
                .findFirst().flatMap(dev.bellows.lint.parse.ViewColumns::of);
        if (before.isEmpty() || after.isEmpty()) {
            return;
        }
        java.util.List<String> gone = before.get().stream().filter(c -> !after.get().contains(c)).toList();
        if (!gone.isEmpty()) {
            ctx.report(this, s.at(), what + " is dropped and created again without column(s) " + String.join(", ", gone)
                            + ": release N-1 may still read them",
                    "Keep " + String.join(", ", gone) + " in the new " + what + " (add columns, do not remove them).",
                    "Remove them in the contract phase of release N, once release N-1 is gone.");
        }
    }

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
                if (ctx.recreatedLaterInFile(s.type(), name)) {
                    replaced(ctx, s, name, what);
                    continue;
                }
                ctx.report(this, s.at(), "dropping " + what + " in expand breaks release N-1, which may still use it",
                        "Remove every use of " + what + " from the application in release N.",
                        "Move DROP " + s.type().label().toUpperCase() + " " + name
                                + " to the contract phase of release N.");
            }
        }
    }
}
